using Sozialplattform.Delivery.Geo;
using Sozialplattform.Delivery.Tests.Infrastructure;
using Sozialplattform.Storage.Routing;

namespace Sozialplattform.Delivery.Tests.Routing;

public sealed class GeoImportTests : IAsyncLifetime, IDisposable
{
    private const string Header = "country_code,zipcode,place,state,state_code,province,province_code,community,community_code,latitude,longitude";
    private readonly SqliteFile _file = new();
    private readonly string _folder = Directory.CreateTempSubdirectory("sozial-geo-").FullName;
    private GeoStore _store = null!;

    public async Task InitializeAsync() => _store = new GeoStore(await _file.OpenAsync());

    public async Task DisposeAsync() => await _file.DisposeAsync();

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Csv(string name, params string[] rows)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllLines(path, [Header, .. rows]);
        return path;
    }

    [Fact]
    public async Task A_small_file_is_imported_with_quoted_names_and_postal_codes_in_two_Kreise()
    {
        var csv = Csv("ok.csv",
            "DE,46325,Borken,Nordrhein-Westfalen,NW,Regierungsbezirk Münster,055,\"Borken, Kreis\",05554,51.84,6.86",
            "DE,48651,Laer,Nordrhein-Westfalen,NW,Regierungsbezirk Münster,055,Kreis Steinfurt,05566,52.05,7.36",
            "DE,48651,Billerbeck,Nordrhein-Westfalen,NW,Regierungsbezirk Münster,055,Kreis Coesfeld,05558,51.97,7.29",
            "DE,48651,Darup,Nordrhein-Westfalen,NW,Regierungsbezirk Münster,055,Kreis Coesfeld,05558,51.97,7.29",
            "DE,87491,Jungholz,,,,,,,47.57,10.44");

        var result = await new GeoImporter(_store).ImportAsync(csv);

        result.Success.ShouldBeTrue();
        result.PostalCodes.ShouldBe(2);
        result.SkippedLines.ShouldBe([6]);
        (await _store.FindAsync("46325")).Single().KreisName.ShouldBe("Borken, Kreis");
        (await _store.FindAsync("48651")).Select(a => a.Kreisschluessel).ShouldBe(["05558", "05566"]);
    }

    [Fact]
    public async Task A_file_with_a_missing_column_or_bad_rows_is_refused_with_file_and_line_and_the_stored_data_stays()
    {
        await new GeoImporter(_store).ImportAsync(Csv("good.csv", "DE,46325,Borken,NRW,NW,RB Münster,055,Kreis Borken,05554,51.84,6.86"));

        var noColumn = Path.Combine(_folder, "no-column.csv");
        File.WriteAllLines(noColumn, ["zipcode,place", "46325,Borken"]);
        (await new GeoImporter(_store).ImportAsync(noColumn)).Errors.ShouldBe([
            "no-column.csv: line 1: column 'community' is missing (the header must name zipcode, place, community, community_code)",
            "no-column.csv: line 1: column 'community_code' is missing (the header must name zipcode, place, community, community_code)",
        ]);

        var badRows = Csv("bad.csv",
            "DE,4632,Borken,NRW,NW,RB Münster,055,Kreis Borken,05554,51.84,6.86",
            "DE,46325,Borken,NRW,NW,RB Münster,055,Kreis Borken,5554,51.84,6.86",
            "DE,46325,Borken,NRW");
        var result = await new GeoImporter(_store).ImportAsync(badRows);
        result.Success.ShouldBeFalse();
        result.Errors.ShouldBe([
            "bad.csv: line 2: postal code '4632' is not 5 digits",
            "bad.csv: line 3: Kreisschlüssel '5554' is not 5 digits",
            "bad.csv: line 4: 4 fields, the header has 11",
        ]);

        (await _store.FindAsync("46325")).Single().Kreisschluessel.ShouldBe("05554");
        (await _store.CurrentAsync())!.SourcePath.ShouldEndWith("good.csv");
    }

    [Fact]
    public async Task The_same_file_is_not_imported_twice()
    {
        var csv = Csv("once.csv", "DE,46325,Borken,NRW,NW,RB Münster,055,Kreis Borken,05554,51.84,6.86");
        (await new GeoImporter(_store).ImportAsync(csv)).Imported.ShouldBeTrue();
        (await new GeoImporter(_store).ImportAsync(csv)).Imported.ShouldBeFalse();
        (await new GeoImporter(_store).ImportAsync(csv, force: true)).Imported.ShouldBeTrue();
    }

    [Fact]
    public async Task A_missing_file_is_reported_by_path()
    {
        (await new GeoImporter(_store).ImportAsync(Path.Combine(_folder, "nope.csv"))).Errors.Single().ShouldEndWith("nope.csv: file not found");
    }
}
