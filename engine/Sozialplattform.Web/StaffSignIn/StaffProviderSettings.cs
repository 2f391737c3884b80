using System.Security.Claims;
using Sozialplattform.Storage.Entities;
using Sozialplattform.Web.SignIn;

namespace Sozialplattform.Web.StaffSignIn;

/// <summary>Where staff sign in: the authority inbox (caseworkers, leads, operators) or the designer (authors).</summary>
public enum StaffArea
{
    Inbox,
    Designer,
}

/// <summary>One of our roles a provider's role or group value maps to: a role at an authority, the tenant's operator, or an author of the designer.</summary>
public sealed record StaffRole(StaffArea Area, CaseworkerRole? InboxRole = null, string AuthorityId = CaseworkerAccount.NoAuthority)
{
    public static readonly StaffRole Author = new(StaffArea.Designer);
    public static readonly StaffRole Operator = new(StaffArea.Inbox, CaseworkerRole.Operator);

    /// <summary>As <c>identity.json</c> writes it: <c>caseworker:&lt;authority&gt;</c>, <c>lead:&lt;authority&gt;</c>, <c>operator</c> or <c>author</c>; null for anything else.</summary>
    public static StaffRole? Parse(string text) => text.Split(':', 2) switch
    {
        ["author"] => Author,
        ["operator"] => Operator,
        ["caseworker", { Length: > 0 } authority] => new StaffRole(StaffArea.Inbox, CaseworkerRole.Caseworker, authority),
        ["lead", { Length: > 0 } authority] => new StaffRole(StaffArea.Inbox, CaseworkerRole.Lead, authority),
        _ => null,
    };
}

/// <summary>
/// What a staff provider's login must show to count as one with a second factor: one of these <c>acr</c> values (Keycloak's
/// level of authentication, AD FS's or Entra ID's authentication context) or one of these <c>amr</c> values (Entra ID:
/// <c>mfa</c>; AD FS: <c>http://schemas.microsoft.com/claims/multipleauthn</c>).
/// </summary>
public sealed record MfaRequirement(IReadOnlyList<string> Acr, IReadOnlyList<string> Amr)
{
    public bool IsMetBy(ClaimsPrincipal token) =>
        token.FindAll("acr").Any(c => Acr.Contains(c.Value, StringComparer.Ordinal)) || token.FindAll("amr").Any(c => Amr.Contains(c.Value, StringComparer.Ordinal));
}

/// <summary>
/// An authority's own OpenID Connect provider for its staff (Keycloak, AD FS, Entra ID): the shared client part plus the
/// claim that carries roles or groups, how their values map to our roles (<see cref="StaffRole"/>) and, optionally, the
/// <c>acr</c>/<c>amr</c> values that prove a second factor. One provider serves the inbox and the designer, each with a
/// scheme and a callback of its own (<see cref="For"/>): the area of an answer is known from its address, even when its state is not.
/// </summary>
public sealed record StaffProviderSettings : OidcClientSettings
{
    public StaffProviderSettings()
    {
    }

    [System.Diagnostics.CodeAnalysis.SetsRequiredMembers]
    public StaffProviderSettings(OidcClientSettings client) : base(client)
    {
    }

    /// <summary>The claim whose values are mapped (Keycloak and Entra ID: <c>groups</c> or <c>roles</c>; AD FS: <c>group</c> or <c>role</c>).</summary>
    public string RoleClaim { get; init; } = "groups";

    /// <summary>A value of <see cref="RoleClaim"/> → the roles it gives. Values not listed give nothing.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<StaffRole>> Roles { get; init; } = new Dictionary<string, IReadOnlyList<StaffRole>>();

    /// <summary>The second factor the provider must have asked for, or null when the provider's login is taken as it is.</summary>
    public MfaRequirement? Mfa { get; init; }

    /// <summary>The claim with the person's display name (then <c>preferred_username</c>, then the subject).</summary>
    public string NameClaim { get; init; } = "name";

    /// <summary>The area this instance of the provider signs in to.</summary>
    public StaffArea Area { get; init; } = StaffArea.Inbox;

    private string Root => Area == StaffArea.Inbox ? "/posteingang" : "/designer";

    public override string Scheme => $"staff-{(Area == StaffArea.Inbox ? "inbox" : "designer")}-{Id}";
    public override string CallbackPath => $"{Root}/sso/{Id}";
    public override string SignedOutCallbackPath => $"{Root}/sso/{Id}/abgemeldet";

    /// <summary>Whether any value maps to a role of <paramref name="area"/> (only then does the area offer this provider).</summary>
    public bool Serves(StaffArea area) => Roles.Values.Any(roles => roles.Any(r => r.Area == area));

    public StaffProviderSettings For(StaffArea area) => this with { Area = area };
}
