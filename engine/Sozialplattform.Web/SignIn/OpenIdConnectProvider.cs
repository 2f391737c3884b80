using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Sozialplattform.Engine.Definitions;

namespace Sozialplattform.Web.SignIn;

/// <summary>
/// One citizen provider as an ASP.NET Core OpenID Connect scheme (the shared <see cref="OidcClientSetup"/>: code flow
/// with PKCE, the client secret or a <c>private_key_jwt</c> assertion) with <c>acr_values</c> for the level a form needs,
/// <c>max_age=0</c> and <c>prompt=login</c> for a re-authentication; the validated ID token becomes the portal's own
/// session (<see cref="CitizenSession"/>) with the level mapped from the provider's value — an unknown level, or a
/// re-authentication the provider did not do, refuses the login.
/// </summary>
public static class OpenIdConnectProvider
{
    /// <summary>Keys of the challenge's properties.</summary>
    public const string LevelItem = "sp.level";
    public const string AgainItem = "sp.again";
    public const string LanguageItem = "sp.lang";

    public static void Add(AuthenticationBuilder authentication, IdentityProviderSettings provider) =>
        authentication.AddOpenIdConnect(provider.Scheme, provider.Name, options =>
        {
            OidcClientSetup.Configure(options, provider);
            options.SignInScheme = CitizenSession.Scheme;
            options.SignOutScheme = CitizenSession.Scheme;
            options.SaveTokens = true;
            options.Events.OnRedirectToIdentityProvider = context => Ask(context, provider);
            options.Events.OnTokenValidated = context => Accept(context, provider);
            options.Events.OnRemoteFailure = context => Refuse(context, provider);
        });

    private static Task Ask(RedirectContext context, IdentityProviderSettings provider)
    {
        var items = context.Properties.Items;
        if (items.TryGetValue(LevelItem, out var level) && Enum.TryParse<TrustLevel>(level, out var wanted) && provider.AcrFor(wanted) is { } acr)
            context.ProtocolMessage.AcrValues = acr;
        if (items.ContainsKey(AgainItem))
        {
            context.ProtocolMessage.MaxAge = "0";
            context.ProtocolMessage.Prompt = "login";
        }

        if (items.TryGetValue(LanguageItem, out var lang)) context.ProtocolMessage.UiLocales = lang;
        return Task.CompletedTask;
    }

    private static Task Accept(TokenValidatedContext context, IdentityProviderSettings provider)
    {
        var token = context.Principal!;
        var now = context.HttpContext.RequestServices.GetService<TimeProvider>()?.GetUtcNow() ?? DateTimeOffset.UtcNow;
        var acr = token.FindFirstValue(provider.LevelClaim);
        if (acr is null || !provider.Levels.TryGetValue(acr, out var level))
        {
            context.Fail($"the provider reported the level '{acr}', which the tenant's identity.json does not map");
            return Task.CompletedTask;
        }

        var authenticatedAt = long.TryParse(token.FindFirstValue("auth_time"), CultureInfo.InvariantCulture, out var seconds) ? DateTimeOffset.FromUnixTimeSeconds(seconds) : (DateTimeOffset?)null;
        if (context.Properties!.Items.TryGetValue(AgainItem, out var askedAt) && long.TryParse(askedAt, CultureInfo.InvariantCulture, out var asked)
            && (authenticatedAt is null || authenticatedAt < DateTimeOffset.FromUnixTimeSeconds(asked).AddMinutes(-1)))
        {
            context.Fail("a new login was asked for (max_age=0), but the provider's auth_time is older");
            return Task.CompletedTask;
        }

        var attributes = provider.Claims
            .Select(c => (Name: c.Key, Value: token.FindFirstValue(c.Value)))
            .Where(c => !string.IsNullOrEmpty(c.Value))
            .ToDictionary(c => c.Name, c => c.Value!);
        var name = string.Join(' ', new[] { IdentityClaims.GivenName, IdentityClaims.FamilyName }.Select(c => attributes.GetValueOrDefault(c)).Where(v => v is not null));
        var subject = token.FindFirstValue("sub")!;
        // The session's login time is when the portal accepted it (its own clock, as the re-authentication window is measured in it).
        var identity = new CitizenIdentity(subject, name.Length > 0 ? name : subject, provider.Id, level, now, attributes);
        var principal = CitizenSession.Principal(identity, now);
        context.Principal = principal;
        return Task.CompletedTask;
    }

    /// <summary>A failed or refused login (state or nonce mismatch, a bad token, a level not mapped, the citizen cancelled): back to the sign-in page with a plain message.</summary>
    private static Task Refuse(RemoteFailureContext context, IdentityProviderSettings provider)
    {
        context.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("Sozialplattform.SignIn")
            .LogWarning("Login at {Provider} refused: {Reason}", provider.Id, context.Failure?.Message);
        var lang = context.Properties?.Items.TryGetValue(LanguageItem, out var l) == true && l is not null ? l : "de";
        context.Response.Redirect(Hosting.PortalRoutes.SignIn(lang, Hosting.PortalRoutes.Home(lang)) + "&fehler=anbieter");
        context.HandleResponse();
        return Task.CompletedTask;
    }
}
