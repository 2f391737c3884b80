using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;

namespace Sozialplattform.Web.SignIn;

/// <summary>
/// Reads the part every OpenID Connect provider entry of a tenant's <c>identity.json</c> has — <c>id</c>, <c>name</c>,
/// <c>issuer</c>, <c>clientId</c>, <c>clientAuthentication</c>, <c>scopes</c> — and its secret or private key from
/// configuration (<c>&lt;section&gt;:&lt;id&gt;:ClientSecret</c>, <c>…:ClientSecretFile</c>, <c>…:PrivateKeyFile</c>). A secret in
/// the catalog is refused. Each problem goes to <c>problem</c> naming the property or setting; null when the entry cannot be used.
/// </summary>
public static partial class OidcClientReader
{
    /// <summary>The entry's common part, or null (the problems are reported).</summary>
    /// <param name="taken">Ids already used in the file (an id must be unique among all its providers).</param>
    /// <param name="allowHttp">Development: an issuer on http at a loopback address (the local provider) is accepted; elsewhere only https.</param>
    public static OidcClientSettings? Read(JsonObject entry, string secretsSection, IConfiguration configuration, bool allowHttp, ISet<string> taken,
        IReadOnlyList<string> defaultScopes, Action<string> problem)
    {
        var id = Text(entry, "id");
        if (id is null || !IdPattern().IsMatch(id)) problem("'id' is missing or not of a-z, 0-9 and '-' (at most 40)");
        else if (!taken.Add(id)) problem($"'id' '{id}' is used twice");
        foreach (var misplaced in new[] { "clientSecret", "privateKey", "secret" }.Where(entry.ContainsKey))
            problem($"'{misplaced}' does not belong in the catalog: put it in configuration ({secretsSection}:{id}:ClientSecret or …:ClientSecretFile)");
        var issuerText = Text(entry, "issuer");
        if (!Uri.TryCreate(issuerText, UriKind.Absolute, out var issuer)) problem($"'issuer' '{issuerText}' is not an absolute URL");
        else if (issuer.Scheme != Uri.UriSchemeHttps && !(allowHttp && issuer.IsLoopback)) problem($"'issuer' '{issuer}' must use https (http only for a local provider in Development)");
        var clientId = Text(entry, "clientId");
        if (string.IsNullOrWhiteSpace(clientId)) problem("'clientId' is missing");
        var authentication = Text(entry, "clientAuthentication") ?? "clientSecret";
        if (authentication is not ("clientSecret" or "privateKeyJwt")) problem($"'clientAuthentication' is '{authentication}'; it must be 'clientSecret' or 'privateKeyJwt'");
        if (id is null || issuer is null || string.IsNullOrWhiteSpace(clientId)) return null;

        var secrets = configuration.GetSection($"{secretsSection}:{id}");
        var kind = authentication == "privateKeyJwt" ? ClientAuthentication.PrivateKeyJwt : ClientAuthentication.ClientSecret;
        var secret = kind == ClientAuthentication.ClientSecret ? Secret(secrets, $"{secretsSection}:{id}", problem) : null;
        var keyFile = secrets["PrivateKeyFile"];
        if (kind == ClientAuthentication.PrivateKeyJwt && (keyFile is null || !File.Exists(keyFile)))
            problem($"{secretsSection}:{id}:PrivateKeyFile is {(keyFile is null ? "not set" : $"'{keyFile}', which does not exist")} (the PEM file of the portal's private key for private_key_jwt)");
        return new ReadClient
        {
            Id = id, Name = Text(entry, "name") ?? id, Issuer = issuer, ClientId = clientId, ClientAuthentication = kind, ClientSecret = secret, PrivateKeyFile = keyFile,
            Scopes = (entry["scopes"] as JsonArray)?.Select(s => s?.ToString() ?? "").Where(s => s.Length > 0).ToList() is { Count: > 0 } scopes ? scopes : defaultScopes,
        };
    }

    /// <summary>The entries of a list property of <c>identity.json</c> (absent: none); each problem names its place, e.g. <c>…/identity.json staff[1]: …</c>.</summary>
    public static IEnumerable<(JsonObject Entry, Action<string> Problem)> Entries(JsonNode? root, string property, string path, List<string> problems)
    {
        if (root?[property] is null) yield break;
        if (root[property] is not JsonArray entries)
        {
            problems.Add($"{path}: '{property}' must be a list");
            yield break;
        }

        for (var i = 0; i < entries.Count; i++)
        {
            var place = $"{path} {property}[{i}]";
            if (entries[i] is JsonObject entry) yield return (entry, message => problems.Add($"{place}: {message}"));
            else problems.Add($"{place}: must be an object");
        }
    }

    /// <summary>The tenant's <c>identity.json</c> as JSON, or null when the tenant has none.</summary>
    public static JsonNode? ReadFile(string path)
    {
        if (!File.Exists(path)) return null;
        try
        {
            return JsonNode.Parse(File.ReadAllText(path));
        }
        catch (JsonException error)
        {
            throw new IdentityConfigurationException($"{path}: not valid JSON ({error.Message})");
        }
    }

    public static string? Text(JsonObject entry, string property) =>
        entry[property] is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;

    private static string? Secret(IConfigurationSection secrets, string setting, Action<string> problem)
    {
        if (secrets["ClientSecret"] is { Length: > 0 } secret) return secret;
        if (secrets["ClientSecretFile"] is { Length: > 0 } file)
        {
            if (File.Exists(file) && File.ReadAllText(file).Trim() is { Length: > 0 } fromFile) return fromFile;
            problem($"{setting}:ClientSecretFile is '{file}', which does not exist or is empty");
            return null;
        }

        problem($"{setting}:ClientSecret (or …:ClientSecretFile) is not set: the provider's client secret");
        return null;
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,39}$")]
    private static partial Regex IdPattern();

    /// <summary>The common part alone, until a citizen or staff provider takes it over.</summary>
    private sealed record ReadClient : OidcClientSettings
    {
        public override string Scheme => "";
        public override string CallbackPath => "";
        public override string SignedOutCallbackPath => "";
    }
}
