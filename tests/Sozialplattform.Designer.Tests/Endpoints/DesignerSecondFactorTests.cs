using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using OtpNet;
using Sozialplattform.Designer.Accounts;
using Sozialplattform.Designer.Tests.Support;
using Sozialplattform.Storage.Database;

namespace Sozialplattform.Designer.Tests.Endpoints;

/// <summary>The designer's login with its default, a second factor: enrolment with the QR code, a code at every login (once), recovery codes; a pending session opens nothing.</summary>
public sealed partial class DesignerSecondFactorTests : IDisposable
{
    private const string Password = "Anna-Autorin-Passwort";
    private readonly DesignerHost _host = new() { SecondFactor = true };

    [Fact]
    public async Task An_author_enrols_with_the_QR_code_gets_recovery_codes_once_and_then_needs_a_new_code()
    {
        _host.Services.GetRequiredService<AuthorAccounts>().Create("anna-2fa", "Anna", Password);
        var client = _host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var password = await PostAsync(client, "/designer/login", "/designer/session", new() { ["login"] = "anna-2fa", ["password"] = Password });
        password.Headers.Location!.ToString().ShouldBe("/designer/login/einrichten?ReturnUrl=%2Fdesigner");
        (await client.GetAsync("/designer")).StatusCode.ShouldBe(HttpStatusCode.Redirect, "a right password alone opens no designer page");
        var page = await (await client.GetAsync("/designer/login/einrichten")).Content.ReadAsStringAsync();
        page.ShouldContain("src=\"data:image/png;base64,");
        var secret = Secret().Match(page).Groups[1].Value;

        var wrong = await PostAsync(client, "/designer/login/einrichten", "/designer/session/einrichten", new() { ["code"] = Wrong(secret) });
        wrong.Headers.Location!.ToString().ShouldBe("/designer/login/einrichten?failed=1&ReturnUrl=%2Fdesigner");
        var enrolCode = Code(secret);
        var recovery = await PostAsync(client, "/designer/login/einrichten", "/designer/session/einrichten", new() { ["code"] = enrolCode });
        var codes = Regex.Matches(await recovery.Content.ReadAsStringAsync(), "<li><code>([A-Z2-9-]{11})</code></li>").Select(m => m.Groups[1].Value).ToList();
        codes.Count.ShouldBe(10);
        (await client.GetAsync("/designer")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var other = _host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        (await PostAsync(other, "/designer/login", "/designer/session", new() { ["login"] = "anna-2fa", ["password"] = Password }))
            .Headers.Location!.ToString().ShouldBe("/designer/login/code?ReturnUrl=%2Fdesigner");
        (await PostAsync(other, "/designer/login/code", "/designer/session/code", new() { ["code"] = enrolCode }))
            .Headers.Location!.ToString().ShouldStartWith("/designer/login/code?failed=1", customMessage: "a code is accepted once");
        (await PostAsync(other, "/designer/login/code", "/designer/session/code", new() { ["code"] = codes[2] })).Headers.Location!.ToString().ShouldBe("/designer");
        (await other.GetAsync("/designer")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var audit = await AuditAsync("anna-2fa");
        audit.ShouldContain("designer.totp.enrolled");
        audit.ShouldContain("designer.totp.recovery-code.used");
        audit.Count(a => a == "designer.totp.login.failed").ShouldBe(2);
    }

    [Fact]
    public async Task Without_a_right_password_the_code_pages_lead_back_to_the_login()
    {
        var client = _host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        (await client.GetAsync("/designer/login/code")).Headers.Location!.ToString().ShouldEndWith("/designer/login");
        (await PostAsync(client, "/designer/login", "/designer/session/code", new() { ["code"] = "123456" })).Headers.Location!.ToString().ShouldBe("/designer/login");
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string pageUrl, string action, Dictionary<string, string> values)
    {
        var page = await (await client.GetAsync(pageUrl)).Content.ReadAsStringAsync();
        values["__RequestVerificationToken"] = Token().Match(page).Groups[1].Value;
        return await client.PostAsync(action, new FormUrlEncodedContent(values));
    }

    private static string Code(string secret, TimeSpan offset = default) => new Totp(Base32Encoding.ToBytes(secret)).ComputeTotp(DateTime.UtcNow + offset);

    private static string Wrong(string secret)
    {
        var valid = new[] { -30, 0, 30, 60 }.Select(s => Code(secret, TimeSpan.FromSeconds(s))).ToHashSet();
        return Enumerable.Range(0, 10).Select(d => new string((char)('0' + d), 6)).First(c => !valid.Contains(c));
    }

    private async Task<List<string>> AuditAsync(string actor)
    {
        await using var context = _host.Services.GetRequiredService<SozialDatabase>().CreateContext();
        return context.AuditLog.Where(a => a.Actor == actor).OrderBy(a => a.Id).Select(a => a.Action).ToList();
    }

    public void Dispose() => _host.Dispose();

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex Token();

    [GeneratedRegex("data-secret=\"([A-Z2-7]+)\"")]
    private static partial Regex Secret();
}
