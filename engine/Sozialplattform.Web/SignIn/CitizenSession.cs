using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.Cookies;
using Sozialplattform.Engine.Definitions;

namespace Sozialplattform.Web.SignIn;

/// <summary>How long a citizen's login lasts (section <c>Sozialplattform:Identity</c>).</summary>
public sealed record CitizenSessionOptions
{
    public const string Section = "Sozialplattform:Identity";

    /// <summary>A session without a request for this long ends.</summary>
    public TimeSpan IdleTimeout { get; init; } = TimeSpan.FromMinutes(30);

    /// <summary>A session ends this long after the login, however active.</summary>
    public TimeSpan SessionLifetime { get; init; } = TimeSpan.FromHours(4);

    /// <summary>A form with <c>access.reauthenticate</c> is sent only within this time after a login.</summary>
    public TimeSpan ReauthenticationWindow { get; init; } = TimeSpan.FromMinutes(5);
}

/// <summary>A signed-in citizen as the identity provider reports them, with the level and time of the login and the attributes for prefill.</summary>
public sealed record CitizenIdentity(string Subject, string DisplayName, string Provider, TrustLevel Level, DateTimeOffset AuthenticatedAt,
    IReadOnlyDictionary<string, string>? Attributes = null);

/// <summary>The citizen's session cookie (scheme <c>citizen</c>): one place that writes a login into claims and reads it back.</summary>
public static class CitizenSession
{
    public const string Scheme = "citizen";
    private const string ProviderClaim = "provider";
    private const string LevelClaim = "level";
    private const string AuthenticatedAtClaim = "auth_time";
    private const string StartedAtClaim = "session_start";

    public static ClaimsPrincipal Principal(CitizenIdentity identity, DateTimeOffset now)
    {
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, identity.Subject), new(ClaimTypes.Name, identity.DisplayName), new(ProviderClaim, identity.Provider),
            new(LevelClaim, identity.Level.ToString()), new(AuthenticatedAtClaim, identity.AuthenticatedAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)),
            new(StartedAtClaim, now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)),
        };
        claims.AddRange((identity.Attributes ?? new Dictionary<string, string>()).Select(a => new Claim(IdentityClaims.ClaimPrefix + a.Key, a.Value)));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, Scheme));
    }

    public static CitizenIdentity? Read(ClaimsPrincipal user)
    {
        if (user.Identity is not { IsAuthenticated: true } || user.FindFirstValue(ClaimTypes.NameIdentifier) is not { } subject) return null;
        var level = Enum.TryParse<TrustLevel>(user.FindFirstValue(LevelClaim), out var parsed) ? parsed : TrustLevel.Low;
        var attributes = user.Claims.Where(c => c.Type.StartsWith(IdentityClaims.ClaimPrefix, StringComparison.Ordinal))
            .ToDictionary(c => c.Type[IdentityClaims.ClaimPrefix.Length..], c => c.Value);
        return new CitizenIdentity(subject, user.Identity.Name ?? subject, user.FindFirstValue(ProviderClaim) ?? "", level, Seconds(user, AuthenticatedAtClaim), attributes);
    }

    /// <summary>Ends a session older than <see cref="CitizenSessionOptions.SessionLifetime"/> however active it was (the idle timeout is the cookie's sliding expiry).</summary>
    public static Task ValidateAsync(CookieValidatePrincipalContext context, CitizenSessionOptions options, TimeProvider clock)
    {
        if (context.Principal is { } user && Seconds(user, StartedAtClaim) + options.SessionLifetime < clock.GetUtcNow()) context.RejectPrincipal();
        return Task.CompletedTask;
    }

    private static DateTimeOffset Seconds(ClaimsPrincipal user, string claim) =>
        long.TryParse(user.FindFirstValue(claim), CultureInfo.InvariantCulture, out var seconds) ? DateTimeOffset.FromUnixTimeSeconds(seconds) : DateTimeOffset.MinValue;
}
