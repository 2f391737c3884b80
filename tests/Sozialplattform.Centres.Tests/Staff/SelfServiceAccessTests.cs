using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sozialplattform.Centres.Accounts;
using Sozialplattform.Centres.Records;
using Sozialplattform.Centres.Storage;
using Sozialplattform.Centres.Tests.Infrastructure;
using Sozialplattform.Storage.Database;
using Sozialplattform.Web.Tests.Infrastructure;
using static Sozialplattform.Centres.Tests.Infrastructure.StaffLogins;

namespace Sozialplattform.Centres.Tests.Staff;

/// <summary>
/// Who may do what on the self-service pages: another centre or carrier is "not found" even by id, no login leads to
/// the login page, staff cannot approve and editors cannot edit, a password alone opens nothing, forged and replayed
/// antiforgery tokens are refused — and in each case nothing is stored.
/// </summary>
public sealed class SelfServiceAccessTests : IDisposable
{
    private readonly CentresPortal _portal = new();
    private Guid _own, _sister, _foreign;

    public void Dispose() => _portal.Dispose();

    private CentreStore Store => _portal.Services.GetRequiredService<CentreStore>();

    private async Task SetUpAsync()
    {
        var ids = await _portal.ImportAsync(
            TestCentres.Centre("eigene", TestCentres.Koeln),
            TestCentres.Centre("schwester", TestCentres.Bonn),
            TestCentres.Centre("fremde", TestCentres.Dortmund) with { Carrier = new Carrier("anderer", "Anderer Träger") });
        (_own, _sister, _foreign) = (ids[0], ids[1], ids[2]);
        await _portal.AccountAsync("eigene@traeger", centres: "eigene");
    }

    private async Task<IReadOnlyList<int>> RevisionsAsync() =>
        [.. (await Store.AllAsync("test")).OrderBy(c => c.ExternalId).Select(c => c.Revision)];

    [Fact]
    public async Task Another_centre_of_the_same_or_another_carrier_is_not_found_even_by_id_and_nothing_changes()
    {
        await SetUpAsync();
        var client = await _portal.SignInAsync("eigene@traeger");
        var own = await client.GetAsync($"{Root}/stellen/{_own}");
        var before = await RevisionsAsync();

        foreach (var other in new[] { _sister, _foreign, Guid.NewGuid() })
        {
            (await client.GetAsync($"{Root}/stellen/{other}")).Status.ShouldBe(HttpStatusCode.NotFound);
            var token = own.Document.QuerySelector("input[name='__RequestVerificationToken']")!.GetAttribute("value")!;
            var fields = PortalClient.Collect((AngleSharp.Html.Dom.IHtmlFormElement)own.Document.QuerySelector($"form[action$='/stellen/{_own}']")!)
                .Where(f => f.Name != "phone").Append(("phone", "+49 1 666666")).ToList();
            (await client.PostAsync($"{Root}/stellen/{other}", fields)).Status.ShouldBe(HttpStatusCode.NotFound);
            (await client.PostAsync($"{Root}/stellen/{other}/bestaetigen", [("__RequestVerificationToken", token), ("revision", "1")])).Status.ShouldBe(HttpStatusCode.NotFound);
        }

        (await RevisionsAsync()).ShouldBe(before);
        (await client.GetAsync(Root)).Document.QuerySelectorAll(".centre-list h2").Select(h => h.TextContent.Trim()).ShouldBe(["Beratungsstelle eigene"]);
    }

    [Fact]
    public async Task Without_a_login_every_page_leads_to_the_login_and_a_post_changes_nothing()
    {
        await SetUpAsync();
        var client = _portal.Browse();
        var login = await client.GetAsync($"{Root}/anmelden");
        var token = login.Document.QuerySelector("input[name='__RequestVerificationToken']")!.GetAttribute("value")!;
        var before = await RevisionsAsync();

        foreach (var url in new[] { Root, $"{Root}/stellen/{_own}", $"{Root}/pruefung/{_own}", $"{Root}/anmelden/code", $"{Root}/anmelden/einrichten" })
            (await client.GetAsync(url)).Path.ShouldBe($"{Root}/anmelden", url);
        (await client.PostAsync($"{Root}/stellen/{_own}", [("__RequestVerificationToken", token), ("revision", "1"), ("phone", "+49 1 666666")])).Path.ShouldBe($"{Root}/anmelden");
        (await client.PostAsync($"{Root}/stellen/{_own}/bestaetigen", [("__RequestVerificationToken", token), ("revision", "1")])).Path.ShouldBe($"{Root}/anmelden");
        (await client.PostAsync($"{Root}/pruefung/{_own}", [("__RequestVerificationToken", token), ("revision", "1"), ("action", "approve")])).Path.ShouldBe($"{Root}/anmelden");

        (await RevisionsAsync()).ShouldBe(before);
        (await _portal.CreateClient().GetAsync("/beratungsstellen-verwaltung/xx/anmelden")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Staff_cannot_approve_and_editors_cannot_edit()
    {
        await SetUpAsync();
        await _portal.AccountAsync("redaktion", role: CentreRole.Editor);
        var staff = await _portal.SignInAsync("eigene@traeger");
        await staff.SubmitAsync(await staff.GetAsync($"{Root}/stellen/{_own}"), $"/stellen/{_own}", new Dictionary<string, string?> { ["phone"] = "+49 221 777777" }, button: "submit");
        var revision = (await Store.FindAsync(_own))!.Revision;
        var home = await staff.GetAsync(Root);
        var token = home.Document.QuerySelector("input[name='__RequestVerificationToken']")!.GetAttribute("value")!;

        (await staff.GetAsync($"{Root}/pruefung/{_own}")).Status.ShouldBe(HttpStatusCode.Forbidden);
        var approve = await staff.PostAsync($"{Root}/pruefung/{_own}", [("__RequestVerificationToken", token), ("revision", $"{revision}"), ("action", "approve")]);
        approve.Status.ShouldBe(HttpStatusCode.Forbidden);
        approve.Text("h1").ShouldBe("Kein Zugriff");
        (await Store.FindAsync(_own))!.Status.ShouldBe(CentreStatus.InReview);

        var editor = await _portal.SignInAsync("redaktion");
        (await editor.GetAsync($"{Root}/stellen/{_own}")).Status.ShouldBe(HttpStatusCode.Forbidden);
        (await Store.FindAsync(_own))!.Revision.ShouldBe(revision);
    }

    [Fact]
    public async Task A_right_password_alone_opens_nothing_and_the_login_is_audited_in_the_shared_log()
    {
        await SetUpAsync();
        var (client, enrolment) = await _portal.PasswordAsync("eigene@traeger");
        var (_, wrong) = await _portal.PasswordAsync("eigene@traeger", _portal.Browse());
        var wrongPassword = await _portal.Browse().PostAsync($"{Root}/anmelden", []);

        enrolment.Path.ShouldBe($"{Root}/anmelden/einrichten");
        (await client.GetAsync(Root)).Path.ShouldBe($"{Root}/anmelden");
        (await client.GetAsync($"{Root}/stellen/{_own}")).Path.ShouldBe($"{Root}/anmelden");
        wrong.Path.ShouldBe($"{Root}/anmelden/einrichten");
        wrongPassword.Status.ShouldBe(HttpStatusCode.BadRequest, "no antiforgery token");
        var failed = await _portal.Browse().SubmitAsync(await _portal.Browse().GetAsync($"{Root}/anmelden"), "/anmelden", new Dictionary<string, string?> { ["login"] = "eigene@traeger", ["password"] = "falsch-falsch-falsch" });
        failed.Status.ShouldBe(HttpStatusCode.BadRequest, "the token belongs to another browser's cookie");

        await using var context = _portal.Services.GetRequiredService<SozialDatabase>().CreateContext();
        var audit = await context.AuditLog.Where(a => a.Actor == "eigene@traeger").Select(a => a.Action).ToListAsync();
        audit.Count(a => a == "centres.login.succeeded").ShouldBe(2);
    }

    [Fact]
    public async Task A_forged_or_replayed_antiforgery_token_is_refused_before_anything_is_read_or_stored()
    {
        await SetUpAsync();
        await _portal.AccountAsync("kollegin@traeger", centres: "eigene");
        var client = await _portal.SignInAsync("eigene@traeger");
        var other = await _portal.SignInAsync("kollegin@traeger");
        var page = await client.GetAsync($"{Root}/stellen/{_own}");
        var othersPage = await other.GetAsync($"{Root}/stellen/{_own}");
        var fields = PortalClient.Collect((AngleSharp.Html.Dom.IHtmlFormElement)page.Document.QuerySelector($"form[action$='/stellen/{_own}']")!);
        var othersToken = othersPage.Document.QuerySelector("input[name='__RequestVerificationToken']")!.GetAttribute("value")!;
        var before = await RevisionsAsync();

        var forged = await client.PostAsync($"{Root}/stellen/{_own}", fields.Select(f => f.Name == "__RequestVerificationToken" ? (f.Name, "CfDJ8-gefaelscht") : f).Append(("phone", "+49 1 666666")));
        var replayed = await client.PostAsync($"{Root}/stellen/{_own}", fields.Select(f => f.Name == "__RequestVerificationToken" ? (f.Name, othersToken) : f).Append(("phone", "+49 1 666666")));
        var missing = await client.PostAsync($"{Root}/stellen/{_own}", fields.Where(f => f.Name != "__RequestVerificationToken"));
        var home = await client.GetAsync(Root);
        await client.SubmitAsync(home, "/abmelden");
        var afterLogout = await client.PostAsync($"{Root}/stellen/{_own}", fields);

        foreach (var refused in new[] { forged, replayed, missing })
        {
            refused.Status.ShouldBe(HttpStatusCode.BadRequest);
            refused.Text("h1").ShouldBe("Formular abgelaufen");
        }

        afterLogout.Path.ShouldBe($"{Root}/anmelden", "a logout ends the session; its forms open nothing");
        (await RevisionsAsync()).ShouldBe(before);
    }
}
