using Sozialplattform.Centres.Tests.Infrastructure;
using Sozialplattform.Cli;
using Sozialplattform.Web.Tests.Infrastructure;

namespace Sozialplattform.Centres.Tests.Import;

/// <summary><c>sozial centres import/export</c> on a real SQLite database with the real postal-code data.</summary>
public sealed class CentresCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("sozial-centres-cli-").FullName;

    private (int Exit, string Out, string Error) Run(params string[] args)
    {
        var (output, error) = (new StringWriter(), new StringWriter());
        var exit = CliApp.Run([.. args, "--data", Path.Combine(_folder, "data"), "--geo", Csv], output, error, RepositoryPaths.Root);
        return (exit, output.ToString(), error.ToString());
    }

    private static string Csv => File.Exists(RepositoryPaths.PostalCodeCsv) ? RepositoryPaths.PostalCodeCsv : throw new SkipException("no postal-code data");

    private string Write(string name, string text)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void The_example_directory_imports_completely_and_a_second_import_changes_nothing()
    {
        var first = Run("centres", "import", "forms-catalog/tenants/nrw/centres.example.json");
        var second = Run("centres", "import", "forms-catalog/tenants/nrw/centres.example.json");

        first.Exit.ShouldBe(0, first.Error);
        first.Out.ShouldContain("115 created, 0 changed, 0 unchanged, 0 refused");
        second.Out.ShouldContain("0 created, 0 changed, 115 unchanged, 0 refused");
    }

    [Fact]
    public void An_exported_JSON_file_imports_again_without_a_change()
    {
        Run("centres", "import", "forms-catalog/tenants/nrw/centres.example.json").Exit.ShouldBe(0);
        var file = Path.Combine(_folder, "export.json");

        Run("centres", "export", "-o", file).Exit.ShouldBe(0);
        Run("centres", "import", file).Out.ShouldContain("0 created, 0 changed, 115 unchanged, 0 refused");
    }

    [Fact]
    public void Each_refused_line_says_why_and_the_good_lines_are_imported_whole()
    {
        var csv = Write("centres.csv", """
            externalId,carrierKey,carrierName,name,street,postalCode,city,phone,email,hours,offers
            gut-1,t,Träger,Gute Stelle,Domkloster 4,50667,Köln,+49 221 1,gut@example.org,mo 09:00-12:00,schuldnerberatung=50667
            falsch-plz,t,Träger,Stelle,Weg 1,99999,Nirgends,,,,schuldnerberatung=50667
            falsch-zeit,t,Träger,Stelle,Weg 1,50667,Köln,,,mo 14:00-09:00,schuldnerberatung=50667
            falsch-thema,t,Träger,Stelle,Weg 1,50667,Köln,,,,tarot=50667
            ,t,Träger,Ohne Id,Weg 1,50667,Köln,,,,schuldnerberatung=50667
            gut-1,t,Träger,Doppelt,Weg 1,50667,Köln,,,,schuldnerberatung=50667
            """);

        var result = Run("centres", "import", csv);

        result.Exit.ShouldBe(1);
        result.Out.ShouldContain("line 2 (gut-1): created");
        result.Error.ShouldContain("line 3 (falsch-plz): refused — address.postalCode: postal code 99999 is unknown");
        result.Error.ShouldContain("line 4 (falsch-zeit): refused — openingHours.weekly[0]: closes at 09:00 before it opens at 14:00");
        result.Error.ShouldContain("line 5 (falsch-thema): refused — offers[0].topic: topic 'tarot' is unknown");
        result.Error.ShouldContain("line 6 (no external id): refused — externalId: is required");
        result.Error.ShouldContain("line 7 (gut-1): refused — externalId: external id 'gut-1' appears twice");
        Run("centres", "export").Out.ShouldContain("\"externalId\": \"gut-1\"");
    }

    [Fact]
    public void A_municipality_key_of_the_wrong_length_or_with_letters_is_refused_naming_file_line_and_field_and_the_good_line_is_imported()
    {
        var csv = Write("gemeinden.csv", """
            externalId,carrierKey,carrierName,name,street,postalCode,city,email,offers
            gemeinde-gut,t,Träger,Gut,Domkloster 4,50667,Köln,gut@example.org,schuldnerberatung=G053150000000
            gemeinde-kurz,t,Träger,Kurz,Domkloster 4,50667,Köln,kurz@example.org,schuldnerberatung=G05315
            gemeinde-lang,t,Träger,Lang,Domkloster 4,50667,Köln,lang@example.org,schuldnerberatung=G0531500000001
            gemeinde-buchstaben,t,Träger,Buchstaben,Domkloster 4,50667,Köln,b@example.org,schuldnerberatung=G05315000000A
            gemeinde-fremd,t,Träger,Fremd,Domkloster 4,50667,Köln,f@example.org,schuldnerberatung=G099990000000
            """);

        var result = Run("centres", "import", csv);

        result.Exit.ShouldBe(1);
        result.Out.ShouldContain("gemeinden.csv: line 2 (gemeinde-gut): created");
        result.Error.ShouldContain("gemeinden.csv: line 3 (gemeinde-kurz): refused — offers[0].catchment.municipalities[0]: '05315' is not a municipality key (12-digit ARS, digits only)");
        result.Error.ShouldContain("gemeinden.csv: line 4 (gemeinde-lang): refused — offers[0].catchment.municipalities[0]: '0531500000001' is not a municipality key (12-digit ARS, digits only)");
        result.Error.ShouldContain("gemeinden.csv: line 5 (gemeinde-buchstaben): refused — offers[0].catchment.municipalities[0]: '05315000000A' is not a municipality key (12-digit ARS, digits only)");
        result.Error.ShouldContain("gemeinden.csv: line 6 (gemeinde-fremd): refused — offers[0].catchment.municipalities[0]: municipality 099990000000 lies in no known Kreis (09999)");
        var exported = Run("centres", "export").Out;
        exported.ShouldContain("\"municipalities\": [");
        exported.ShouldContain("\"053150000000\"");
        exported.ShouldNotContain("gemeinde-kurz");
    }

    [Fact]
    public void A_dry_run_reports_but_writes_nothing()
    {
        var dry = Run("centres", "import", "forms-catalog/tenants/nrw/centres.example.json", "--dry-run");

        dry.Out.ShouldContain("dry run, nothing written: 115 created");
        Run("centres", "export").Out.ShouldNotContain("externalId");
    }

    [Fact]
    public void A_centre_account_is_created_for_known_centres_only_with_the_password_from_standard_input()
    {
        Run("centres", "import", "forms-catalog/tenants/nrw/centres.example.json").Exit.ShouldBe(0);
        var data = Path.Combine(_folder, "data");
        (int, string, string) Add(string password, params string[] args)
        {
            var (output, error) = (new StringWriter(), new StringWriter());
            var command = new Cli.Commands.CentreAccountAddCommand(new StringReader(password + "\n"));
            var exit = command.Run(new CliContext(output, error, RepositoryPaths.Root), [.. args, "--data", data]);
            return (exit, output.ToString(), error.ToString());
        }

        Add("ein-langes-passwort", "sb-koeln", "--centre", "nrw-05315-schuldnerberatung").Item1.ShouldBe(0);
        Add("ein-langes-passwort", "sb-koeln", "--centre", "nrw-05315-schuldnerberatung").Item3.ShouldContain("this login exists already");
        Add("ein-langes-passwort", "x", "--centre", "gibt-es-nicht").Item1.ShouldBe(1);
        Add("kurz", "y", "--carrier", "beispiel-wohlfahrt").Item3.ShouldContain("at least 12 characters");
        Add("ein-langes-passwort", "admin", "--carrier", "beispiel-wohlfahrt").Item2.ShouldContain("every centre of carrier beispiel-wohlfahrt");
        Add("ein-langes-passwort", "redaktion", "--editor").Item2.ShouldContain("for the editorial team");
        Should.Throw<CliUsageException>(() => Add("ein-langes-passwort", "beides", "--editor", "--carrier", "beispiel-wohlfahrt"));
        // The same rules as the editorial team's page (CentreAccounts.AddAsync): every problem at once, by field.
        var refused = Add("kurz", "mit leerzeichen", "--carrier", "kein-traeger", "--email", "keine-adresse");
        refused.Item1.ShouldBe(1);
        refused.Item3.ShouldContain("login: 'mit leerzeichen' is not a login");
        refused.Item3.ShouldContain("password: the password needs at least 12 characters");
        refused.Item3.ShouldContain("email: 'keine-adresse' is not an e-mail address");
        refused.Item3.ShouldContain("carrier: no centre of carrier 'kein-traeger' in this tenant");
        Add("ein-langes-passwort", "mit-adresse", "--centre", "nrw-05315-schuldnerberatung", "--email", "stelle@beratung.example", "--by", "betrieb").Item1.ShouldBe(0);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }
}
