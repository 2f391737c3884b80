using System.Net;
using Microsoft.EntityFrameworkCore;
using OtpNet;
using Sozialplattform.Storage.Database;
using Sozialplattform.Web.Tests.Infrastructure;

namespace Sozialplattform.Web.Tests.Inbox;

/// <summary>
/// The inbox login of a tenant that says nothing about it — the second factor is required by default: enrolment with the
/// QR code, a code at every login (accepted once), throttling with audit, recovery codes once; a pending session opens nothing.
/// </summary>
public sealed class InboxSecondFactorTests : IDisposable
{
    private readonly InboxPortal _portal = new();

    public InboxSecondFactorTests() =>
        File.WriteAllText(Path.Combine(_portal.Folders.Tenant, "tenant.json"), """{ "id": "test", "name": "Test-Mandant", "contact": { "email": "test@example.org" } }""");

    [Fact]
    public async Task A_caseworker_enrols_with_the_QR_code_and_then_needs_a_new_code_at_every_login()
    {
        await _portal.CaseworkerAsync("t-enrol", InboxPortal.AuthorityA);
        var client = _portal.Browse();

        var enrolment = await PasswordAsync(client, "t-enrol");
        enrolment.Path.ShouldBe("/posteingang/anmelden/einrichten");
        enrolment.Document.QuerySelector("img")!.GetAttribute("src")!.ShouldStartWith("data:image/png;base64,");
        var secret = enrolment.Document.QuerySelector("#totp-secret")!.GetAttribute("data-secret")!;
        (await client.GetAsync("/posteingang")).Path.ShouldBe("/posteingang/anmelden", "a right password alone opens nothing");
        (await client.GetAsync("/posteingang/anmelden/code")).Status.ShouldBe(HttpStatusCode.OK);

        var wrong = await client.SubmitAsync(enrolment, "/anmelden/einrichten", new Dictionary<string, string?> { ["code"] = Wrong(secret) });
        wrong.Status.ShouldBe(HttpStatusCode.Unauthorized);
        wrong.Text(".error-summary").ShouldContain("Der Code stimmt nicht oder wurde schon verwendet.");
        var enrolCode = Code(secret);
        var recovery = await client.SubmitAsync(wrong, "/anmelden/einrichten", new Dictionary<string, string?> { ["code"] = enrolCode });
        recovery.Text("h1").ShouldBe("Ihre Wiederherstellungscodes");
        recovery.Document.QuerySelectorAll(".recovery-codes code").Length.ShouldBe(10);
        (await client.GetAsync(recovery.Document.QuerySelector("a.button")!.GetAttribute("href")!)).Path.ShouldBe("/posteingang");

        var list = await client.GetAsync("/posteingang");
        await client.SubmitAsync(list, "/posteingang/abmelden");
        var code = await PasswordAsync(client, "t-enrol");
        code.Path.ShouldBe("/posteingang/anmelden/code");
        (await client.SubmitAsync(code, "/anmelden/code", new Dictionary<string, string?> { ["code"] = enrolCode })).Status.ShouldBe(HttpStatusCode.Unauthorized, "a code is accepted once");
        (await client.SubmitAsync(code, "/anmelden/code", new Dictionary<string, string?> { ["code"] = Code(secret, TimeSpan.FromSeconds(30)) })).Path.ShouldBe("/posteingang");

        var audit = await AuditAsync("t-enrol");
        audit.ShouldContain("totp.enrolled");
        audit.Count(a => a == "totp.login.failed").ShouldBe(2);
        audit.Count(a => a == "totp.login.succeeded").ShouldBe(2);
    }

    [Fact]
    public async Task Five_wrong_codes_make_the_right_one_wait_with_an_audit_entry_and_a_recovery_code_works_once()
    {
        await _portal.CaseworkerAsync("t-lock", InboxPortal.AuthorityA);
        var client = _portal.Browse();
        var enrolment = await PasswordAsync(client, "t-lock");
        var secret = enrolment.Document.QuerySelector("#totp-secret")!.GetAttribute("data-secret")!;
        var recovery = await client.SubmitAsync(enrolment, "/anmelden/einrichten", new Dictionary<string, string?> { ["code"] = Code(secret) });
        var codes = recovery.Document.QuerySelectorAll(".recovery-codes code").Select(c => c.TextContent).ToList();
        await client.SubmitAsync(await client.GetAsync("/posteingang"), "/posteingang/abmelden");

        var page = await PasswordAsync(client, "t-lock");
        for (var i = 0; i < 5; i++) (await client.SubmitAsync(page, "/anmelden/code", new Dictionary<string, string?> { ["code"] = Wrong(secret) })).Status.ShouldBe(HttpStatusCode.Unauthorized);
        var waiting = await client.SubmitAsync(page, "/anmelden/code", new Dictionary<string, string?> { ["code"] = Code(secret, TimeSpan.FromSeconds(30)) });
        waiting.Status.ShouldBe(HttpStatusCode.TooManyRequests);
        waiting.Text(".error-summary").ShouldContain("Zu viele Fehlversuche");
        (await AuditAsync("t-lock")).ShouldContain("totp.login.locked");

        var office = _portal.Browse();
        office.Http.DefaultRequestHeaders.Add(InboxPortal.ClientAddressHeader, "10.9.8.7");
        var second = await PasswordAsync(office, "t-lock");
        (await office.SubmitAsync(second, "/anmelden/code", new Dictionary<string, string?> { ["code"] = codes[0] })).Path.ShouldBe("/posteingang");
        await office.SubmitAsync(await office.GetAsync("/posteingang"), "/posteingang/abmelden");
        var third = await PasswordAsync(office, "t-lock");
        (await office.SubmitAsync(third, "/anmelden/code", new Dictionary<string, string?> { ["code"] = codes[0] })).Status.ShouldBe(HttpStatusCode.Unauthorized, "used once");
        (await AuditAsync("t-lock")).Count(a => a == "totp.recovery-code.used").ShouldBe(1);
    }

    [Fact]
    public async Task Without_a_right_password_the_code_pages_lead_back_to_the_login()
    {
        var client = _portal.Browse();
        (await client.GetAsync("/posteingang/anmelden/code")).Path.ShouldBe("/posteingang/anmelden");
        (await client.GetAsync("/posteingang/anmelden/einrichten")).Path.ShouldBe("/posteingang/anmelden");
        var login = await client.GetAsync("/posteingang/anmelden");
        var token = login.Document.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        (await client.PostAsync("/posteingang/anmelden/code", [("__RequestVerificationToken", token), ("code", "123456")])).Path.ShouldBe("/posteingang/anmelden");
        (await client.PostAsync("/posteingang/anmelden/code", [("code", "123456")])).Status.ShouldBe(HttpStatusCode.BadRequest, "no antiforgery token");
    }

    private static async Task<PortalPage> PasswordAsync(PortalClient client, string login) =>
        await client.SubmitAsync(await client.GetAsync("/posteingang/anmelden"), "/posteingang/anmelden",
            new Dictionary<string, string?> { ["login"] = login, ["password"] = InboxPortal.Password });

    private static string Code(string secret, TimeSpan offset = default) => new Totp(Base32Encoding.ToBytes(secret)).ComputeTotp(DateTime.UtcNow + offset);

    /// <summary>A six-digit code that no step of the window accepts.</summary>
    private static string Wrong(string secret)
    {
        var valid = new[] { -30, 0, 30, 60 }.Select(s => Code(secret, TimeSpan.FromSeconds(s))).ToHashSet();
        return Enumerable.Range(0, 10).Select(d => new string((char)('0' + d), 6)).First(c => !valid.Contains(c));
    }

    private async Task<List<string>> AuditAsync(string actor)
    {
        await using var context = _portal.Get<SozialDatabase>().CreateContext();
        return await context.AuditLog.Where(a => a.Actor == actor).OrderBy(a => a.Id).Select(a => a.Action).ToListAsync();
    }

    public void Dispose() => _portal.Dispose();
}
