using Microsoft.Extensions.DependencyInjection;
using OtpNet;
using Sozialplattform.Centres.Accounts;
using Sozialplattform.Web.Tests.Infrastructure;

namespace Sozialplattform.Centres.Tests.Infrastructure;

/// <summary>Accounts of the test tenant and signing in through the real pages: password, then the second factor's enrolment with the QR page's secret.</summary>
public static class StaffLogins
{
    public const string Password = "ein-langes-passwort";
    public const string Root = "/beratungsstellen-verwaltung/de";

    public static async Task<CentreAccountRow> AccountAsync(this PortalFactory portal, string login, string? carrier = null, CentreRole role = CentreRole.Staff, params string[] centres)
    {
        _ = portal.CreateClient();
        var (account, problem) = await portal.Services.GetRequiredService<CentreAccounts>().CreateAsync("test", login, "Name " + login, Password, carrier, centres, role: role);
        problem.ShouldBe(AccountProblem.None);
        return account!;
    }

    /// <summary>A browser without JavaScript with the password given; on the enrolment page (the first login of an account).</summary>
    public static async Task<(PortalClient Client, PortalPage Page)> PasswordAsync(this PortalFactory portal, string login, PortalClient? client = null)
    {
        client ??= portal.Browse();
        var page = await client.GetAsync(Root + "/anmelden");
        return (client, await client.SubmitAsync(page, "/anmelden", new Dictionary<string, string?> { ["login"] = login, ["password"] = Password }));
    }

    /// <summary>Signed in completely: password, enrolment with a code from the shown secret (for the host's clock, <paramref name="now"/>); on the account's start page.</summary>
    public static async Task<PortalClient> SignInAsync(this PortalFactory portal, string login, DateTime? now = null)
    {
        var (client, enrolment) = await portal.PasswordAsync(login);
        enrolment.Path.ShouldBe(Root + "/anmelden/einrichten");
        var secret = enrolment.Document.QuerySelector("#totp-secret")!.GetAttribute("data-secret")!;
        var codes = await client.SubmitAsync(enrolment, "/anmelden/einrichten", new Dictionary<string, string?> { ["code"] = new Totp(Base32Encoding.ToBytes(secret)).ComputeTotp(now ?? DateTime.UtcNow) });
        codes.Document.QuerySelectorAll(".recovery-codes code").Length.ShouldBe(10);
        return client;
    }
}
