using System.Text.Json;

namespace Sozialplattform.IdentityProvider;

/// <summary>
/// A made-up person with the attributes BundID delivers (names, birth date and place, address, e-mail) — or, as a member
/// of staff of an authority's own provider, with the <c>groups</c> the provider sends (Keycloak, Entra ID).
/// </summary>
public sealed record TestUser(string Subject, string GivenName, string FamilyName, string Birthdate, string PlaceOfBirth,
    string Street, string PostalCode, string Locality, string Email, IReadOnlyList<string>? Groups = null)
{
    public static readonly IReadOnlyList<TestUser> BuiltIn =
    [
        new("erika-mustermann", "Erika", "Mustermann", "1964-08-12", "Berlin", "Heidestraße 17", "51147", "Köln", "erika.mustermann@example.org"),
        new("max-yilmaz", "Max", "Yılmaz", "1990-02-01", "Duisburg", "Markt 2", "47051", "Duisburg", "max.yilmaz@example.org"),
        new("olena-koval", "Олена", "Коваль", "1985-11-30", "Kyjiw", "Am Bach 5", "33602", "Bielefeld", "olena.koval@example.org"),
    ];

    public string Name => $"{GivenName} {FamilyName}";

    /// <summary>The OpenID Connect <c>address</c> claim (a JSON object).</summary>
    public string AddressJson => JsonSerializer.Serialize(new Dictionary<string, string>
    {
        ["street_address"] = Street, ["postal_code"] = PostalCode, ["locality"] = Locality, ["country"] = "DE",
    });
}
