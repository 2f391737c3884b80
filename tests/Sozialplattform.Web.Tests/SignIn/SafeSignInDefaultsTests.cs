using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Sozialplattform.Storage.Database;
using Sozialplattform.Web.SignIn;
using Sozialplattform.Web.Tests.Infrastructure;

namespace Sozialplattform.Web.Tests.SignIn;

/// <summary>
/// The development sign-in (any name) exists only in Development and only when switched on; without any way to sign in,
/// a form that needs a login is neither started nor sent, and its service page says so.
/// </summary>
public sealed class SafeSignInDefaultsTests
{
    [Theory]
    [InlineData("Production")]
    [InlineData("Staging")]
    public void A_host_outside_Development_with_the_development_sign_in_switched_on_refuses_to_start_and_says_why(string environment)
    {
        using var portal = new EnvironmentPortal(environment, developmentSignIn: true);

        var error = Should.Throw<IdentityConfigurationException>(() => portal.CreateClient());

        error.Message.ShouldStartWith($"Sozialplattform:Portal:DevelopmentSignIn is switched on, but the host runs in the environment '{environment}'.");
        error.Message.ShouldContain("Sozialplattform:Portal:DevelopmentSignIn=false");
    }

    [Theory]
    [InlineData("Production", false)]
    [InlineData("Development", false)]
    public async Task Without_the_explicit_switch_the_development_sign_in_does_not_exist(string environment, bool developmentSignIn)
    {
        using var portal = new EnvironmentPortal(environment, developmentSignIn);
        var client = portal.Browse();

        var page = await client.GetAsync("/de/anmelden?ziel=/de");
        page.Status.ShouldBe(HttpStatusCode.OK);
        page.Text(".notice").ShouldBe("Dieses Portal bietet zurzeit keine Anmeldung mit einem Nutzerkonto an.");
        page.Document.QuerySelector("form[action$='/anmelden/entwicklung']").ShouldBeNull();

        var post = await client.Http.PostAsync("/de/anmelden/entwicklung", new FormUrlEncodedContent([new("name", "Erika Mustermann"), new("ziel", "/de")]));
        post.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        post.Headers.TryGetValues("Set-Cookie", out var cookies).ShouldBeFalse(string.Join(";", cookies ?? []));
    }

    [Theory]
    [InlineData("login-filling")]
    [InlineData("login-submitting")]
    public async Task A_form_that_needs_a_login_cannot_be_started_without_a_way_to_sign_in_and_its_service_page_says_so(string formId)
    {
        using var portal = new EnvironmentPortal("Production", developmentSignIn: false);
        var client = portal.Browse();

        var service = await client.GetAsync($"/de/leistungen/{formId}");
        service.Text(".warning-summary h2").ShouldBe("Dieser Antrag kann hier noch nicht online gestellt werden");
        service.Text(".warning-summary p").ShouldContain("Dieses Portal bietet zurzeit keine solche Anmeldung an.");
        service.Document.QuerySelector("form[action$='/starten']").ShouldBeNull();

        // The start posted anyway (an old page, a crafted request) starts no draft and leads back to the explanation.
        var token = (await client.GetAsync("/de/leistungen/kontakt")).Document.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var started = await client.PostAsync($"/de/leistungen/{formId}/starten", [("__RequestVerificationToken", token)]);
        started.Path.ShouldBe($"/de/leistungen/{formId}");
        (await DraftCountAsync(portal)).ShouldBe(0);

        var open = await client.SubmitAsync(await client.GetAsync("/de/leistungen/kontakt"), "/starten");
        open.Path.ShouldEndWith("/ort", customMessage: "a form without a login starts as before");
    }

    [Fact]
    public async Task In_Development_with_the_switch_the_development_sign_in_serves_forms_that_need_a_login()
    {
        using var portal = new DevelopmentSignInPortal();
        var client = portal.Browse();

        var service = await client.GetAsync("/de/leistungen/login-filling");
        service.Document.QuerySelector(".warning-summary").ShouldBeNull();
        var signIn = await client.SubmitAsync(service, "/starten");
        signIn.Path.ShouldBe("/de/anmelden");
        signIn.Text(".warning-summary h2").ShouldBe("Nur zum Testen: Entwicklungs-Anmeldung");

        var place = await client.SubmitAsync(signIn, "/anmelden/entwicklung", new Dictionary<string, string?> { ["name"] = "Erika Mustermann" });
        place.Path.ShouldEndWith("/ort");
    }

    private static async Task<int> DraftCountAsync(PortalFactory portal)
    {
        await using var context = portal.Services.GetRequiredService<SozialDatabase>().CreateContext();
        return context.Drafts.Count();
    }

    private sealed class EnvironmentPortal(string environment, bool developmentSignIn) : PortalFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseEnvironment(environment);
            builder.UseSetting("Sozialplattform:Portal:DevelopmentSignIn", developmentSignIn ? "true" : "false");
        }
    }
}
