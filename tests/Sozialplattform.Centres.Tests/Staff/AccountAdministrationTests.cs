using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sozialplattform.Centres.Accounts;
using Sozialplattform.Centres.Records;
using Sozialplattform.Centres.Storage;
using Sozialplattform.Centres.Tests.Infrastructure;
using Sozialplattform.Storage.Database;
using Sozialplattform.Storage.Logins;
using Sozialplattform.Storage.Notifications;
using Sozialplattform.Web.Tests.Infrastructure;
using static Sozialplattform.Centres.Tests.Infrastructure.StaffLogins;

namespace Sozialplattform.Centres.Tests.Staff;

/// <summary>
/// The editorial team's pages for logins (<c>…/konten</c>): a staff login scoped to centres or to a carrier, made by the
/// rules and the code of <c>sozial centre-account add</c>; the list; the reset of a second factor (the next login enrols
/// again, old sessions end, audited, a notice without content in the mail queue). Nobody else reaches them, and hostile
/// input changes nothing. One host for the class: every test makes its own centres and logins.
/// </summary>
public sealed class AccountAdministrationTests(CentresPortal portal) : IClassFixture<CentresPortal>
{
    private const string Accounts = Root + "/konten";

    private CentreAccounts Store => portal.Services.GetRequiredService<CentreAccounts>();

    /// <summary>Two centres of carrier <c>traeger-1</c> and one of another carrier, with external ids unique to the test.</summary>
    private async Task<(string Own, string Sister, string Foreign, string Carrier)> CentresAsync(string test)
    {
        var carrier = "traeger-" + test;
        await portal.ImportAsync(
            TestCentres.Centre($"{test}-eigene", TestCentres.Koeln) with { Carrier = new Carrier(carrier, "Träger " + test) },
            TestCentres.Centre($"{test}-schwester", TestCentres.Bonn) with { Carrier = new Carrier(carrier, "Träger " + test) },
            TestCentres.Centre($"{test}-fremde", TestCentres.Dortmund) with { Carrier = new Carrier("anderer-" + test, "Anderer Träger") });
        return ($"{test}-eigene", $"{test}-schwester", $"{test}-fremde", carrier);
    }

    private async Task<PortalClient> EditorAsync(string login)
    {
        await portal.AccountAsync(login, role: CentreRole.Editor);
        return await portal.SignInAsync(login);
    }

    private static Dictionary<string, string?> Form(string login, string? centres = null, string? carrier = null, string password = Password, string? name = null, string? email = null) => new()
    {
        ["login"] = login, ["displayName"] = name ?? "", ["password"] = password, ["email"] = email ?? "",
        ["scope"] = carrier is null ? "centres" : "carrier", ["centres"] = centres ?? "", ["carrier"] = carrier ?? "",
    };

    private async Task<int> AccountCountAsync()
    {
        await using var context = portal.Services.GetRequiredService<CentresDatabase>().CreateContext();
        return await context.Accounts.CountAsync();
    }

    private async Task<IReadOnlyList<(string Actor, string Action, string? Details)>> AuditAsync()
    {
        await using var context = portal.Services.GetRequiredService<SozialDatabase>().CreateContext();
        return (await context.AuditLog.OrderBy(a => a.Id).Select(a => new { a.Actor, a.Action, a.Details }).ToListAsync()).Select(a => (a.Actor, a.Action, a.Details)).ToList();
    }

    [Fact]
    public async Task An_editor_creates_logins_for_centres_and_for_a_carrier_that_then_sign_in_with_their_own_second_factor_and_keep_only_their_scope()
    {
        var (own, sister, _, carrier) = await CentresAsync("anlegen");
        var editor = await EditorAsync("redaktion-anlegen");

        var home = await editor.GetAsync(Root);
        home.Document.QuerySelector($"a[href='{Accounts}']").ShouldNotBeNull("the editor's start page links the logins");
        var created = await editor.SubmitAsync(await editor.GetAsync(Accounts + "/neu"), "/konten/neu", Form("anlegen@stelle", $"{own}, {sister}", name: "Anna Anlegen", email: "anna@stelle.example"));
        var admin = await editor.SubmitAsync(await editor.GetAsync(Accounts + "/neu"), "/konten/neu", Form("anlegen@traeger", carrier: carrier));

        created.Path.ShouldBe(Accounts);
        created.Text(".notice").ShouldStartWith("Der Zugang ist angelegt.");
        var row = admin.Document.QuerySelectorAll("tbody tr").Single(r => r.QuerySelector("th")!.TextContent.Trim() == "anlegen@stelle");
        row.TextContent.ShouldContain("Anna Anlegen");
        row.TextContent.ShouldContain("Beratungsstelle anlegen-eigene, Beratungsstelle anlegen-schwester");
        row.TextContent.ShouldContain("anna@stelle.example");
        row.TextContent.ShouldContain("noch nicht eingerichtet");
        admin.Document.QuerySelectorAll("tbody tr").Single(r => r.QuerySelector("th")!.TextContent.Trim() == "anlegen@traeger").TextContent.ShouldContain($"alle Stellen des Trägers {carrier}");

        var staff = await portal.SignInAsync("anlegen@stelle");
        (await staff.GetAsync(Root)).Document.QuerySelectorAll(".centre-list h2").Select(h => h.TextContent.Trim()).ShouldBe(["Beratungsstelle anlegen-eigene", "Beratungsstelle anlegen-schwester"], ignoreOrder: true);
        var carrierAdmin = await portal.SignInAsync("anlegen@traeger");
        (await carrierAdmin.GetAsync(Root)).Document.QuerySelectorAll(".centre-list h2").Count().ShouldBe(2);
        var factor = (await editor.GetAsync(Accounts)).Document.QuerySelectorAll("tbody tr").Single(r => r.QuerySelector("th")!.TextContent.Trim() == "anlegen@stelle").QuerySelectorAll("td")[3];
        factor.TextContent.Trim().ShouldBe("eingerichtet");
        var audit = await AuditAsync();
        audit.ShouldContain(a => a.Actor == "editor:redaktion-anlegen" && a.Action == "centres.account.created" && a.Details!.StartsWith("anlegen@stelle (centres "));
        audit.ShouldContain(a => a.Actor == "editor:redaktion-anlegen" && a.Action == "centres.account.created" && a.Details == $"anlegen@traeger (carrier {carrier})");
    }

    [Fact]
    public async Task Hostile_input_is_refused_with_a_reason_per_field_keeps_what_was_typed_and_creates_nothing()
    {
        var (own, _, _, carrier) = await CentresAsync("feindlich");
        await portal.Services.GetRequiredService<CentreStore>().ImportAsync("anderer-mandant", TestCentres.Centre("feindlich-mandant", TestCentres.Berlin), "import");
        await portal.AccountAsync("feindlich@vorhanden", centres: own);
        var editor = await EditorAsync("redaktion-feindlich");
        var before = await AccountCountAsync();

        async Task<PortalPage> TryAsync(Dictionary<string, string?> form) => await editor.SubmitAsync(await editor.GetAsync(Accounts + "/neu"), "/konten/neu", form);
        var taken = await TryAsync(Form("feindlich@vorhanden", own));
        var unknownCentre = await TryAsync(Form("feindlich@neu", $"{own} gibt-es-nicht"));
        var otherTenant = await TryAsync(Form("feindlich@neu", "feindlich-mandant"));
        var unknownCarrier = await TryAsync(Form("feindlich@neu", carrier: "<script>alert(1)</script>"));
        var everything = await TryAsync(Form("mit leerzeichen", null, password: "kurz", email: "keine-adresse", name: "<script>alert('name')</script>"));

        taken.Status.ShouldBe(HttpStatusCode.UnprocessableEntity);
        taken.SummaryErrors.ShouldBe(["Benutzername: den Benutzernamen „feindlich@vorhanden“ gibt es schon"]);
        unknownCentre.SummaryErrors.ShouldBe(["Kennungen der Beratungsstellen: keine Beratungsstelle mit der Kennung gibt-es-nicht in diesem Portal"]);
        otherTenant.SummaryErrors.ShouldBe(["Kennungen der Beratungsstellen: keine Beratungsstelle mit der Kennung feindlich-mandant in diesem Portal"]);
        unknownCarrier.SummaryErrors.ShouldBe(["Träger: keine Beratungsstelle des Trägers „<script>alert(1)</script>“ in diesem Portal"]);
        unknownCarrier.Html.ShouldNotContain("<script>alert(1)");
        unknownCarrier.Document.QuerySelector("#carrier")!.GetAttribute("value").ShouldBe("<script>alert(1)</script>");
        everything.SummaryErrors.ShouldBe([
            "Benutzername: „mit leerzeichen“ ist kein Benutzername (ohne Leerzeichen und Steuerzeichen)",
            "Erstes Passwort: braucht mindestens 12 Zeichen",
            "E-Mail: „keine-adresse“ ist keine E-Mail-Adresse",
            "Zuständig für: bitte Beratungsstellen oder einen Träger angeben"]);
        everything.Html.ShouldNotContain("<script>alert('name')");
        everything.Document.QuerySelector("#displayName")!.GetAttribute("value").ShouldBe("<script>alert('name')</script>");
        everything.Document.QuerySelector("#password")!.GetAttribute("value").ShouldBeNull("a password is never sent back");
        (await AccountCountAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task Script_in_a_login_and_a_name_is_stored_as_typed_and_shown_as_text()
    {
        var (own, _, _, _) = await CentresAsync("skript");
        var editor = await EditorAsync("redaktion-skript");

        var list = await editor.SubmitAsync(await editor.GetAsync(Accounts + "/neu"), "/konten/neu", Form("<b>skript</b>", own, name: "<script>alert('x')</script>"));

        list.Path.ShouldBe(Accounts);
        list.Html.ShouldNotContain("<script>alert");
        list.Html.ShouldNotContain("<b>skript</b>");
        var row = list.Document.QuerySelectorAll("tbody tr").Single(r => r.QuerySelector("th")!.TextContent.Trim() == "<b>skript</b>");
        row.QuerySelector("td")!.TextContent.ShouldBe("<script>alert('x')</script>");
    }

    [Fact]
    public async Task Without_a_login_every_account_page_leads_to_the_login_and_a_post_changes_nothing()
    {
        var (own, _, _, _) = await CentresAsync("ohne");
        var target = await portal.AccountAsync("ohne@stelle", centres: own);
        var client = portal.Browse();
        var token = (await client.GetAsync($"{Root}/anmelden")).Document.QuerySelector("input[name='__RequestVerificationToken']")!.GetAttribute("value")!;
        var before = await AccountCountAsync();

        foreach (var url in new[] { Accounts, Accounts + "/neu" })
            (await client.GetAsync(url)).Path.ShouldBe($"{Root}/anmelden", url);
        (await client.PostAsync(Accounts + "/neu", [("__RequestVerificationToken", token), .. Form("ohne@neu", own).Select(f => (f.Key, f.Value ?? ""))])).Path.ShouldBe($"{Root}/anmelden");
        (await client.PostAsync($"{Accounts}/{target.Id}/zweiter-faktor", [("__RequestVerificationToken", token)])).Path.ShouldBe($"{Root}/anmelden");

        (await AccountCountAsync()).ShouldBe(before);
        (await Store.FindAsync(target.Id))!.SecurityStamp.ShouldBe(target.SecurityStamp);
    }

    [Fact]
    public async Task A_centre_account_gets_403_on_every_account_page_changes_nothing_and_the_refusal_is_audited()
    {
        var (own, _, _, _) = await CentresAsync("verboten");
        var colleague = await portal.AccountAsync("verboten@kollegin", centres: own);
        await portal.AccountAsync("verboten@stelle", centres: own);
        var staff = await portal.SignInAsync("verboten@stelle");
        var token = (await staff.GetAsync(Root)).Document.QuerySelector("input[name='__RequestVerificationToken']")!.GetAttribute("value")!;
        var before = await AccountCountAsync();

        var pages = new[] { await staff.GetAsync(Accounts), await staff.GetAsync(Accounts + "/neu"),
            await staff.PostAsync(Accounts + "/neu", [("__RequestVerificationToken", token), .. Form("verboten@neu", own).Select(f => (f.Key, f.Value ?? ""))]),
            await staff.PostAsync($"{Accounts}/{colleague.Id}/zweiter-faktor", [("__RequestVerificationToken", token)]) };

        pages.ShouldAllBe(p => p.Status == HttpStatusCode.Forbidden);
        pages[0].Text("h1").ShouldBe("Kein Zugriff");
        (await AccountCountAsync()).ShouldBe(before);
        (await Store.FindAsync(colleague.Id))!.SecurityStamp.ShouldBe(colleague.SecurityStamp);
        var refusals = (await AuditAsync()).Where(a => a.Actor == "centre-account:verboten@stelle" && a.Action == "centres.accounts.refused").Select(a => a.Details).ToList();
        refusals.ShouldBe([$"GET {Accounts}", $"GET {Accounts}/neu", $"POST {Accounts}/neu", $"POST {Accounts}/{colleague.Id}/zweiter-faktor"]);
    }

    [Fact]
    public async Task A_forged_foreign_or_missing_antiforgery_token_is_refused_with_400_and_nothing_changes()
    {
        var (own, _, _, _) = await CentresAsync("token");
        var target = await portal.AccountAsync("token@stelle", centres: own);
        var editor = await EditorAsync("redaktion-token");
        var other = await EditorAsync("redaktion-token-2");
        var page = await editor.GetAsync(Accounts + "/neu");
        var foreign = (await other.GetAsync(Accounts + "/neu")).Document.QuerySelector("input[name='__RequestVerificationToken']")!.GetAttribute("value")!;
        var fields = Form("token@neu", own).Select(f => (f.Key, f.Value ?? "")).ToList();
        var before = await AccountCountAsync();

        var refused = new[]
        {
            await editor.PostAsync(Accounts + "/neu", [("__RequestVerificationToken", "CfDJ8-gefaelscht"), .. fields]),
            await editor.PostAsync(Accounts + "/neu", [("__RequestVerificationToken", foreign), .. fields]),
            await editor.PostAsync(Accounts + "/neu", fields),
            await editor.PostAsync($"{Accounts}/{target.Id}/zweiter-faktor", [("__RequestVerificationToken", foreign)]),
            await editor.PostAsync($"{Accounts}/{target.Id}/zweiter-faktor", []),
        };

        refused.ShouldAllBe(r => r.Status == HttpStatusCode.BadRequest && r.Text("h1") == "Formular abgelaufen");
        (await AccountCountAsync()).ShouldBe(before);
        (await Store.FindAsync(target.Id))!.SecurityStamp.ShouldBe(target.SecurityStamp);
        page.Status.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_reset_ends_the_old_sessions_forces_a_new_enrolment_is_audited_and_queues_a_notice_without_content()
    {
        var (own, _, _, _) = await CentresAsync("reset");
        var editor = await EditorAsync("redaktion-reset");
        await editor.SubmitAsync(await editor.GetAsync(Accounts + "/neu"), "/konten/neu", Form("reset@stelle", own, name: "Rita Reset", email: "rita@stelle.example"));
        var session = await portal.SignInAsync("reset@stelle");
        var (pending, _) = await portal.PasswordAsync("reset@stelle");
        (await session.GetAsync(Root)).Path.ShouldBe(Root);
        var id = (await Store.ListAsync("test")).Single(a => a.Account.Login == "reset@stelle").Account.Id;

        var list = await editor.SubmitAsync(await editor.GetAsync(Accounts), $"/konten/{id}/zweiter-faktor");

        list.Path.ShouldBe(Accounts);
        list.Text(".notice").ShouldStartWith("Der zweite Faktor ist zurückgesetzt.");
        (await session.GetAsync(Root)).Path.ShouldBe($"{Root}/anmelden", "the session from before the reset has ended");
        (await pending.GetAsync($"{Root}/anmelden/einrichten")).Path.ShouldBe($"{Root}/anmelden", "so has a session waiting for its second factor");
        var (_, next) = await portal.PasswordAsync("reset@stelle");
        next.Path.ShouldBe($"{Root}/anmelden/einrichten", "the next login enrols a new second factor instead of asking for a code");
        (await portal.SignInAsync("reset@stelle")).ShouldNotBeNull();
        (await AuditAsync()).ShouldContain(a => a.Actor == "editor:redaktion-reset" && a.Action == "centres.totp.reset" && a.Details == "reset@stelle");

        await using var context = portal.Services.GetRequiredService<SozialDatabase>().CreateContext();
        var notice = (await context.Notifications.Where(n => n.Purpose == "centre-account.totp-reset").ToListAsync())
            .Select(portal.Services.GetRequiredService<MailQueue>().Read).Where(m => m.To == "rita@stelle.example").ShouldHaveSingleItem();
        notice.Subject.ShouldBe("Ihr zweiter Faktor wurde zurückgesetzt");
        notice.TextBody.ShouldNotContain("reset@stelle");
        notice.TextBody.ShouldNotContain("Rita");
        notice.TextBody.ShouldNotContain("http");
        notice.HtmlBody.ShouldBeNull();
    }

    [Fact]
    public async Task A_reset_of_an_unknown_login_or_one_of_another_tenant_is_not_found_and_changes_nothing()
    {
        var stranger = (await Store.AddAsync("anderer-mandant", new NewCentreAccount("fremd@mandant", "Fremd", Password, CentreRole.Editor), "test")).Account!;
        var factors = portal.Services.GetRequiredService<SecondFactors>();
        await factors.EnrolmentAsync(LoginArea.Centres, "fremd@mandant", "test");
        var editor = await EditorAsync("redaktion-fremd");
        var token = (await editor.GetAsync(Accounts)).Document.QuerySelector("input[name='__RequestVerificationToken']")!.GetAttribute("value")!;

        foreach (var id in new[] { stranger.Id, Guid.NewGuid() })
        {
            var refused = await editor.PostAsync($"{Accounts}/{id}/zweiter-faktor", [("__RequestVerificationToken", token)]);
            refused.Status.ShouldBe(HttpStatusCode.NotFound);
            refused.Text("h1").ShouldBe("Nicht gefunden");
        }

        (await factors.StateAsync(LoginArea.Centres, "fremd@mandant")).ShouldBe(SecondFactorState.Pending);
        (await Store.FindAsync(stranger.Id))!.SecurityStamp.ShouldBe(stranger.SecurityStamp);
        (await editor.GetAsync(Accounts)).Html.ShouldNotContain("fremd@mandant");
    }
}
