using System.Net;
using Sozialplattform.Counselling.Tests.Infrastructure;
using Sozialplattform.Web.Tests.Infrastructure;

namespace Sozialplattform.Counselling.Tests.Web;

/// <summary>
/// "Online-Beratung" on a centre's page and in the finder's results, for centres whose record names the way
/// <c>chat</c> only; the link leads a seeker without a session through login or registration to the enquiry with that
/// centre chosen; a centre without online counselling takes no enquiry, even by its id.
/// </summary>
public sealed class CounsellingCentreLinkTests(CounsellingPortal portal) : IClassFixture<CounsellingPortal>
{
    private const string LinkText = "Online-Beratung – anonym schreiben";

    [Fact]
    public async Task A_centre_offering_online_counselling_links_it_on_its_page_and_in_the_finder_and_one_without_does_not()
    {
        await portal.ReadyAsync();
        var client = portal.Browse();
        var enquiryA = $"/de/online-beratung/anfrage?stelle={portal.CentreA}";

        var pageA = await client.GetAsync($"/de/beratungsstellen/{portal.CentreA}");
        pageA.Document.QuerySelectorAll("main a").Single(a => a.TextContent.Trim() == LinkText).GetAttribute("href").ShouldBe(enquiryA);
        (await client.GetAsync($"/de/beratungsstellen/{portal.CentreC}")).Html.ShouldNotContain(LinkText);
        (await client.GetAsync($"/en/beratungsstellen/{portal.CentreA}")).Text("main").ShouldContain("Online counselling – write anonymously");

        var finder = await client.GetAsync("/de/beratungsstellen?ort=50667&thema=schuldnerberatung");
        var entries = finder.Document.QuerySelectorAll(".centre-list__item").ToList();
        var entryA = entries.Single(e => e.QuerySelector("h3 a")!.GetAttribute("href")!.EndsWith(portal.CentreA.ToString()));
        var entryC = entries.Single(e => e.QuerySelector("h3 a")!.GetAttribute("href")!.EndsWith(portal.CentreC.ToString()));
        entryA.QuerySelectorAll("a").Single(a => a.TextContent.StartsWith(LinkText)).GetAttribute("href").ShouldBe(enquiryA);
        entryC.TextContent.ShouldNotContain(LinkText);
    }

    [Fact]
    public async Task The_link_leads_through_login_or_registration_to_the_enquiry_with_the_centre_chosen()
    {
        await portal.ReadyAsync();
        var seeker = portal.Browse();
        var centrePage = await seeker.GetAsync($"/de/beratungsstellen/{portal.CentreA}");
        var login = await seeker.GetAsync(centrePage.Document.QuerySelectorAll("main a").Single(a => a.TextContent.Trim() == LinkText).GetAttribute("href")!);
        login.Path.ShouldBe("/de/online-beratung/anmelden");
        var register = await seeker.GetAsync(login.Document.QuerySelectorAll("a").Single(a => a.GetAttribute("href")!.StartsWith("/de/online-beratung/registrieren")).GetAttribute("href")!);
        register.Url.Query.ShouldContain($"stelle={portal.CentreA}");

        var recovery = await seeker.SubmitFormAsync(register, "register", new Dictionary<string, string> { ["pseudonym"] = "Verlinkt-1", ["password"] = SeekerJourney.Password });
        var next = recovery.Document.QuerySelectorAll("a").Single(a => a.GetAttribute("href")!.StartsWith("/de/online-beratung/anfrage")).GetAttribute("href")!;
        var enquiry = await seeker.GetAsync(next);
        enquiry.Status.ShouldBe(HttpStatusCode.OK);
        enquiry.Text("main .lead").ShouldBe("Beratungsstelle online-a");
        var conversation = await seeker.SubmitFormAsync(enquiry, "enquiry", new Dictionary<string, string> { ["message"] = "Über die Seite der Stelle gekommen" });
        conversation.Path.ShouldStartWith("/de/online-beratung/gespraech/");
    }

    [Fact]
    public async Task A_centre_without_online_counselling_takes_no_enquiry_even_by_its_id_and_nothing_is_stored()
    {
        await portal.ReadyAsync();
        var seeker = portal.Browse();
        var own = await seeker.EnquiryAsync("Verlinkt-2", portal.CentreA, "Erste Anfrage");
        var before = await portal.SnapshotAsync();

        (await seeker.GetAsync($"/de/online-beratung/anfrage?stelle={portal.CentreC}")).Status.ShouldBe(HttpStatusCode.NotFound);
        (await seeker.PostAsync($"/de/online-beratung/anfrage?stelle={portal.CentreC}",
            [own.AntiforgeryToken, ("_handler", "enquiry"), ("topic", "schuldnerberatung"), ("message", "An eine Stelle ohne Online-Beratung")])).Status.ShouldNotBe(HttpStatusCode.OK);

        (await portal.SnapshotAsync()).ShouldBe(before);
    }
}
