using System.Net;
using Sozialplattform.Web.Tests.Infrastructure;
using static Sozialplattform.Web.Tests.Infrastructure.OidcLogin;

namespace Sozialplattform.Web.Tests.SignIn;

/// <summary>
/// ID tokens the portal must not accept, from the real local provider (real signed tokens, the real handler): one that
/// has expired when it arrives, one changed on its way (another subject, the signature as it was), and one whose nonce
/// is not the one this browser's login asked for. None signs anybody in.
/// </summary>
public sealed class OidcTokenRefusalTests : IClassFixture<OidcTokenRefusalTests.Host>
{
    private const string Refused = "Die Anmeldung beim Nutzerkonto ist nicht gelungen oder wurde abgebrochen. Bitte versuchen Sie es noch einmal.";
    private readonly Host _host;

    public OidcTokenRefusalTests(Host host) => _host = host;

    public sealed class Host : IDisposable
    {
        public OidcPortal Portal { get; } = new();

        /// <summary>A provider whose ID tokens expired ten minutes before they were issued (beyond the handler's five minutes of clock skew).</summary>
        public OidcPortal Expired { get; } = new(identityTokenLifetime: TimeSpan.FromMinutes(-10));

        /// <summary>The provider's signed ID tokens arrive with another person's subject in them (and the signature unchanged).</summary>
        public OidcPortal Tampered { get; } = new(tokenTransport: new TamperedIdTokens(subject: "max-yilmaz", groups: []));

        public void Dispose()
        {
            Portal.Dispose();
            Expired.Dispose();
            Tampered.Dispose();
        }
    }

    [Fact]
    public async Task An_expired_ID_token_is_no_login()
    {
        var browser = _host.Expired.Browser();
        var signIn = await StartAsync(browser, "login-substantial");

        var refused = await ChooseAsync(browser, await browser.GetAsync(ProviderLink(signIn)), "erika-mustermann", "substantiell");

        refused.Path.ShouldBe("/de/anmelden");
        refused.SummaryErrors.ShouldBe([Refused]);
        refused.Document.QuerySelector(".site-header__account").ShouldBeNull();
        (await browser.GetAsync("/de/konto")).Path.ShouldBe("/de/anmelden", "nobody is signed in");
    }

    [Fact]
    public async Task An_ID_token_changed_on_its_way_to_name_another_person_is_no_login()
    {
        var browser = _host.Tampered.Browser();
        var signIn = await StartAsync(browser, "login-substantial");

        var refused = await ChooseAsync(browser, await browser.GetAsync(ProviderLink(signIn)), "erika-mustermann", "substantiell");

        refused.Path.ShouldBe("/de/anmelden");
        refused.SummaryErrors.ShouldBe([Refused]);
        (await browser.GetAsync("/de/konto")).Path.ShouldBe("/de/anmelden", "nobody is signed in");
    }

    [Fact]
    public async Task An_ID_token_with_another_login_s_nonce_is_no_login_even_with_the_right_state()
    {
        var cookies = new CookieContainer();
        var browser = _host.Portal.Browser(cookies);
        var signIn = await StartAsync(browser, "login-substantial");
        var first = await browser.GetAsync(ProviderLink(signIn));
        var firstNonce = NonceCookies(cookies).ShouldHaveSingleItem();
        var second = await browser.GetAsync(ProviderLink(signIn));
        var secondNonce = NonceCookies(cookies).Single(c => c.Name != firstNonce.Name);
        first.Url.ShouldNotBe(second.Url);

        // The browser keeps the first login's nonce only; the answer is the second login's, whose token carries the second nonce.
        secondNonce.Expired = true;
        var answer = await AnswerAsync(browser, second, "erika-mustermann", "substantiell");
        var refused = await browser.GetAsync(answer.ToString());

        refused.Path.ShouldBe("/de/anmelden");
        refused.SummaryErrors.ShouldBe([Refused]);
        refused.Document.QuerySelector(".site-header__account").ShouldBeNull();
    }

    private static string ProviderLink(PortalPage signIn) => signIn.Document.QuerySelector("a.button[href*='/anmelden/mit/']")!.GetAttribute("href")!;

    private static IEnumerable<Cookie> NonceCookies(CookieContainer cookies) =>
        cookies.GetAllCookies().Where(c => c.Name.StartsWith(".AspNetCore.OpenIdConnect.Nonce.", StringComparison.Ordinal) && !c.Expired);
}
