using System.Text.Json.Nodes;
using Sozialplattform.Storage.Cases;

namespace Sozialplattform.Delivery.Tenants;

/// <summary>A tenant as configured in <c>forms-catalog/tenants/&lt;tenant&gt;/</c>: settings, authorities and routing.</summary>
public sealed record TenantConfiguration(TenantSettings Settings, IReadOnlyList<AuthorityConfig> Authorities, RoutingConfig Routing, string Folder)
{
    /// <summary>The Gemeinden of <c>municipalities.json</c> (optional; empty without the file).</summary>
    public IReadOnlyList<MunicipalityConfig> Municipalities { get; init; } = [];
}

/// <summary>
/// <c>tenant.json</c>. <see cref="Services"/>: the form ids this tenant offers on its portal, or null for every service of
/// its catalogs.
/// </summary>
/// <param name="StaffSecondFactor">Whether the tenant's staff (inbox) sign in with a TOTP code besides the password (<c>staff.secondFactor</c>: <c>required</c>, the default, or <c>off</c>).</param>
public sealed record TenantSettings(string Id, string Name, string DefaultLanguage, ContactConfig Contact, bool StaffSecondFactor = true, IReadOnlyList<string>? Services = null)
{
    /// <summary><c>place</c>: the examples and hint of the place step; null for the portal's own.</summary>
    public PlaceSettings? Place { get; init; }

    /// <summary><c>caseRetention</c>: how many days after its closing a case of a service is deleted (see CASES.md, "Retention"); none: never automatically.</summary>
    public RetentionPeriods CaseRetention { get; init; } = RetentionPeriods.None;
}

/// <summary>The place step's example postal code and place ("Zum Beispiel 46325 oder Borken") and, optionally, the whole hint per language.</summary>
public sealed record PlaceSettings(string ExamplePostalCode, string ExamplePlace, IReadOnlyDictionary<string, string> Hint)
{
    public static PlaceSettings Default { get; } = new("46325", "Borken", new Dictionary<string, string>());
}

public sealed record ContactConfig(string? Email, string? Phone, string? Web);

/// <summary>One entry of <c>authorities.json</c>.</summary>
/// <param name="OpeningHours">When the office is open for visitors and calls, shown to citizens once a place is chosen; may be empty.</param>
public sealed record AuthorityConfig(string Id, string Name, string Role, IReadOnlyList<string> Address, ContactConfig Contact, string ChannelType, JsonObject ChannelOptions)
{
    public IReadOnlyList<OfficeHours> OpeningHours { get; init; } = [];

    /// <summary><c>fileNumberFormat</c>: how the authority's generated file numbers look (<c>FileNumbers</c>); null for the platform's default.</summary>
    public string? FileNumberFormat { get; init; }
}

/// <summary><c>routing.json</c>: which role handles each service, and who has each role where.</summary>
public sealed record RoutingConfig(IReadOnlyDictionary<string, string> ServiceRoles, IReadOnlyList<AssignmentConfig> Assignments)
{
    /// <summary><c>answerRules</c>: a service's role chosen by one answer of its form, tried in order before <see cref="ServiceRoles"/>.</summary>
    public IReadOnlyList<AnswerRuleConfig> AnswerRules { get; init; } = [];
}

/// <summary>
/// One answer rule: when the answer at <see cref="Answer"/> (keys through groups, as in the answers) of a
/// <see cref="Service"/> application is one of <see cref="Values"/>, the service goes to <see cref="Role"/>.
/// </summary>
public sealed record AnswerRuleConfig(int Index, string Service, string Answer, IReadOnlyList<string> Values, string Role);

/// <summary>
/// One Gemeinde of <c>municipalities.json</c>: its 12-digit ARS, name, and the postal codes that lie (partly) in it.
/// No postal codes: the Gemeinde is its whole Kreis (a kreisfreie Stadt).
/// </summary>
public sealed record MunicipalityConfig(string Ars, string Name, IReadOnlyList<string> PostalCodes)
{
    public string Kreis => Ars[..5];
}

/// <summary>
/// One assignment: for <see cref="Role"/> (or just for <see cref="Service"/>) in the area given by an ARS/AGS
/// prefix or by postal-code ranges, <see cref="AuthorityId"/> is responsible.
/// </summary>
public sealed record AssignmentConfig(int Index, string? Role, string? Service, string? ArsPrefix, IReadOnlyList<PostalCodeRange> PostalCodes, string AuthorityId);

/// <summary>An inclusive range of 5-digit postal codes (a single code is a range of one).</summary>
public sealed record PostalCodeRange(string From, string To)
{
    public bool Contains(string postalCode) => string.CompareOrdinal(postalCode, From) >= 0 && string.CompareOrdinal(postalCode, To) <= 0;

    public bool Overlaps(PostalCodeRange other) => string.CompareOrdinal(From, other.To) <= 0 && string.CompareOrdinal(other.From, To) <= 0;

    public int Width => int.Parse(To) - int.Parse(From);

    public override string ToString() => From == To ? From : $"{From}-{To}";

    /// <summary>Parses "34000-34999" or "35037"; null when the text is not such a range.</summary>
    public static PostalCodeRange? Parse(string text)
    {
        var parts = text.Split('-');
        if (parts.Length > 2 || parts.Any(p => p.Length != 5 || !p.All(char.IsAsciiDigit))) return null;
        var range = new PostalCodeRange(parts[0], parts[^1]);
        return string.CompareOrdinal(range.From, range.To) <= 0 ? range : null;
    }
}
