using NodaTime;
using NodaTime.Testing;
using Sozialplattform.Centres.Records;
using Sozialplattform.Centres.Search;
using Sozialplattform.Centres.Storage;
using Sozialplattform.Centres.Tests.Infrastructure;
using Sozialplattform.Centres.Topics;
using Sozialplattform.Centres.Validation;
using Sozialplattform.Delivery.Tests.Infrastructure;

namespace Sozialplattform.Centres.Tests.Records;

/// <summary>
/// Catchments by municipality: the 12-digit Amtlicher Regionalschlüssel. A malformed key (wrong length, not digits) or one
/// in no known Kreis is refused with its field (the import's report per line: <c>CentresCommandTests</c>); a search that
/// names the municipality's ARS ranks its centre responsible before the Kreis's, a search by postal code alone (which
/// knows only the Kreis) shows it as near, and an ARS outside the place's Kreis is ignored.
/// </summary>
public sealed class MunicipalityCatchmentTests(SqliteTarget target) : IClassFixture<SqliteTarget>
{
    private const string KoelnArs = "053150000000";
    private static readonly CentreCheck Check = new(TestCentres.Places(), TopicTaxonomy.BuiltIn);

    private static CentreRecord WithMunicipalities(string id, params string[] keys) =>
        TestCentres.Centre(id, TestCentres.Koeln, new Offer("schuldnerberatung", new Catchment { Municipalities = keys }));

    [Theory]
    [InlineData("05315000000", "municipalityMalformed", "'05315000000' is not a municipality key (12-digit ARS, digits only)")]
    [InlineData("0531500000000", "municipalityMalformed", "'0531500000000' is not a municipality key (12-digit ARS, digits only)")]
    [InlineData("05315000000x", "municipalityMalformed", "'05315000000x' is not a municipality key (12-digit ARS, digits only)")]
    [InlineData("０５３１５０００００００", "municipalityMalformed", "'０５３１５０００００００' is not a municipality key (12-digit ARS, digits only)")]
    [InlineData("", "municipalityMalformed", "'' is not a municipality key (12-digit ARS, digits only)")]
    [InlineData("099990000000", "municipalityUnknown", "municipality 099990000000 lies in no known Kreis (09999)")]
    public async Task A_bad_municipality_key_is_refused_naming_its_field(string key, string code, string message)
    {
        var (record, errors) = await Check.PrepareAsync(WithMunicipalities("g", KoelnArs, key));

        record.ShouldBeNull();
        var error = errors.ShouldHaveSingleItem();
        error.Path.ShouldBe("offers[0].catchment.municipalities[1]");
        error.Code.ShouldBe(code);
        error.ToString().ShouldContain($"offers[0].catchment.municipalities[1]: {message}");
    }

    [Fact]
    public async Task A_search_naming_the_municipality_ranks_its_centre_responsible_before_the_kreis_and_without_it_only_as_near()
    {
        var store = new CentreStore(await CentresDatabases.FreshAsync(target));
        await store.ImportAsync("nrw", WithMunicipalities("gemeinde", KoelnArs), "test");
        await store.ImportAsync("nrw", TestCentres.Centre("kreis", TestCentres.Koeln, new Offer("schuldnerberatung", new Catchment { Kreise = ["05315"] })), "test");
        var finder = new CentreFinder(store, TestCentres.Places(), new CentresOptions { Tenant = "nrw" }, new FakeClock(Instant.FromUtc(2026, 12, 2, 11, 0)));

        var named = await finder.SearchAsync(new CentreQuery { Place = "50667", Ars = KoelnArs, Topic = "schuldnerberatung" });
        var unnamed = await finder.SearchAsync(new CentreQuery { Place = "50667", Topic = "schuldnerberatung" });
        var elsewhere = await finder.SearchAsync(new CentreQuery { Place = "50667", Ars = "053140000000", Topic = "schuldnerberatung" });

        named.Hits.Select(h => (h.Centre.Record.ExternalId, h.Reason)).ShouldBe([("gemeinde", MatchReason.Municipality), ("kreis", MatchReason.Kreis)]);
        unnamed.Hits.Select(h => (h.Centre.Record.ExternalId, h.Reason)).ShouldBe([("kreis", MatchReason.Kreis), ("gemeinde", MatchReason.Nearby)]);
        elsewhere.Hits.Single(h => h.Centre.Record.ExternalId == "gemeinde").Reason.ShouldBe(MatchReason.Nearby);
    }
}
