using NodaTime;
using NodaTime.Testing;
using Sozialplattform.Centres.Records;
using Sozialplattform.Centres.Search;
using Sozialplattform.Centres.Storage;
using Sozialplattform.Centres.Tests.Infrastructure;
using Sozialplattform.Delivery.Tests.Infrastructure;

namespace Sozialplattform.Centres.Tests.Search;

public sealed class CentreSearchTests(SqliteTarget target) : IClassFixture<SqliteTarget>
{
    private static readonly Instant Noon = Instant.FromUtc(2026, 12, 2, 11, 0);

    private async Task<CentreFinder> FinderAsync(IClock clock, params CentreRecord[] centres)
    {
        var store = new CentreStore(await CentresDatabases.FreshAsync(target));
        foreach (var centre in centres) await store.ImportAsync("nrw", centre, "test");
        var hotlines = new[] { new Hotline("suchtberatung", Texts.De("Sucht & Drogen Hotline"), "01806 313031"), new Hotline(null, Texts.De("Telefonseelsorge"), "0800 1110111") };
        return new CentreFinder(store, TestCentres.Places(), new CentresOptions { Tenant = "nrw", Hotlines = hotlines }, clock);
    }

    [Fact]
    public async Task The_centre_responsible_for_the_postal_code_comes_before_a_nearer_one_that_is_not()
    {
        var nearer = TestCentres.Centre("nah", TestCentres.Koeln, TestCentres.Offer("schuldnerberatung", "51149"));
        var responsible = TestCentres.Centre("zustaendig", TestCentres.Bonn, TestCentres.Offer("schuldnerberatung", "50600-50999"));
        var finder = await FinderAsync(new FakeClock(Noon), nearer, responsible);

        var result = await finder.SearchAsync(new CentreQuery { Place = "50667", Topic = "schuldnerberatung" });

        result.Hits.Select(h => h.Centre.Record.ExternalId).ShouldBe(["zustaendig", "nah"]);
        result.Hits[0].Reason.ShouldBe(MatchReason.PostalCode);
        result.Hits[0].DistanceKm!.Value.ShouldBe(24.749, 0.1);
        result.Hits[1].Reason.ShouldBe(MatchReason.Nearby);
    }

    [Fact]
    public async Task Responsibility_ranks_postal_code_then_Kreis_then_state_then_online()
    {
        var online = TestCentres.Centre("online", TestCentres.Koeln, new Offer("suchtberatung", new Catchment { Online = true }));
        var state = TestCentres.Centre("land", TestCentres.Koeln, new Offer("suchtberatung", new Catchment { States = ["05"] }));
        var kreis = TestCentres.Centre("kreis", TestCentres.Bonn, new Offer("sucht-alkohol", new Catchment { Kreise = ["05315"] }));
        var code = TestCentres.Centre("plz", TestCentres.Dortmund, TestCentres.Offer("sucht-drogen", "50667"));
        var finder = await FinderAsync(new FakeClock(Noon), online, state, kreis, code);

        var result = await finder.SearchAsync(new CentreQuery { Place = "50667", Topic = "suchtberatung" });

        result.Hits.Select(h => (h.Centre.Record.ExternalId, h.Reason)).ShouldBe(
            [("plz", MatchReason.PostalCode), ("kreis", MatchReason.Kreis), ("land", MatchReason.State), ("online", MatchReason.Online)]);
    }

    [Fact]
    public async Task Centres_equal_in_responsibility_and_distance_keep_their_order_all_day_and_rotate_over_days()
    {
        var centres = Enumerable.Range(1, 8).Select(i => TestCentres.Centre($"gleich-{i}", TestCentres.Koeln)).ToArray();
        var clock = new FakeClock(Instant.FromUtc(2026, 12, 2, 0, 30));
        var finder = await FinderAsync(clock, centres);
        var query = new CentreQuery { Place = "50667" };

        var morning = (await finder.SearchAsync(query)).Hits.Select(h => h.Centre.Id).ToList();
        clock.AdvanceHours(21);
        var evening = (await finder.SearchAsync(query)).Hits.Select(h => h.Centre.Id).ToList();
        var laterDays = new List<List<Guid>>();
        for (var day = 0; day < 5; day++)
        {
            clock.AdvanceHours(24);
            laterDays.Add((await finder.SearchAsync(query)).Hits.Select(h => h.Centre.Id).ToList());
        }

        evening.ShouldBe(morning);
        laterDays.ShouldContain(order => !order.SequenceEqual(morning));
        (await finder.SearchAsync(query)).Hits.ShouldAllBe(h => h.SharesRank);
    }

    [Fact]
    public async Task Filters_for_language_way_and_accessibility_leave_only_centres_that_have_them()
    {
        var turkish = TestCentres.Centre("tr", TestCentres.Koeln) with { Languages = ["de", "tr"], Ways = [CounsellingWay.OnSite, CounsellingWay.Video], Accessibility = new Accessibility { StepFree = true } };
        var german = TestCentres.Centre("de", TestCentres.Koeln);
        var finder = await FinderAsync(new FakeClock(Noon), turkish, german);

        (await finder.SearchAsync(new CentreQuery { Place = "50667", Language = "tr" })).Hits.Select(h => h.Centre.Record.ExternalId).ShouldBe(["tr"]);
        (await finder.SearchAsync(new CentreQuery { Place = "50667", Way = CounsellingWay.Video })).Hits.Select(h => h.Centre.Record.ExternalId).ShouldBe(["tr"]);
        (await finder.SearchAsync(new CentreQuery { Place = "50667", StepFree = true })).Hits.Select(h => h.Centre.Record.ExternalId).ShouldBe(["tr"]);
        (await finder.SearchAsync(new CentreQuery { Place = "50667", Topic = "suchtberatung" })).Hits.ShouldBeEmpty();
    }

    [Fact]
    public async Task When_nothing_is_found_the_nearest_centres_of_the_topic_and_the_hotlines_are_shown()
    {
        var dortmund = TestCentres.Centre("dortmund", TestCentres.Dortmund, TestCentres.Offer("suchtberatung", "44135"));
        var finder = await FinderAsync(new FakeClock(Noon), dortmund);

        var result = await finder.SearchAsync(new CentreQuery { Place = "53111", Topic = "sucht-alkohol", RadiusKm = 20 });

        result.NothingFound.ShouldBeTrue();
        result.Hits.ShouldBeEmpty();
        result.Nearest.Single().Centre.Record.ExternalId.ShouldBe("dortmund");
        result.Nearest.Single().Reason.ShouldBe(MatchReason.NearestAnyway);
        result.Hotlines.Select(h => h.Phone).ShouldBe(["01806 313031", "0800 1110111"]);
    }

    [Fact]
    public async Task An_unknown_postal_code_is_said_so_with_the_hotlines_not_answered_with_random_centres()
    {
        var finder = await FinderAsync(new FakeClock(Noon), TestCentres.Centre("koeln", TestCentres.Koeln));

        var result = await finder.SearchAsync(new CentreQuery { Place = "99999" });

        result.PlaceUnknown.ShouldBeTrue();
        result.Hits.ShouldBeEmpty();
        result.Hotlines.ShouldNotBeEmpty();
    }

    [Fact]
    public async Task A_place_name_is_found_like_its_postal_code()
    {
        var finder = await FinderAsync(new FakeClock(Noon), TestCentres.Centre("bonn", TestCentres.Bonn));

        var result = await finder.SearchAsync(new CentreQuery { Place = "Bonn" });

        result.Place!.PostalCode.ShouldBe("53111");
        result.Hits.Single().Reason.ShouldBe(MatchReason.PostalCode);
    }

    [Fact]
    public async Task Paging_returns_the_same_ranked_list_in_slices()
    {
        var centres = Enumerable.Range(1, 7).Select(i => TestCentres.Centre($"c{i}", i % 2 == 0 ? TestCentres.Koeln : TestCentres.Bonn)).ToArray();
        var finder = await FinderAsync(new FakeClock(Noon), centres);

        var all = (await finder.SearchAsync(new CentreQuery { Place = "50667", PageSize = 50 })).Hits.Select(h => h.Centre.Id).ToList();
        var pages = new List<Guid>();
        for (var page = 1; page <= 3; page++) pages.AddRange((await finder.SearchAsync(new CentreQuery { Place = "50667", PageSize = 3, Page = page })).Hits.Select(h => h.Centre.Id));

        pages.ShouldBe(all);
        all.Count.ShouldBe(7);
    }
}
