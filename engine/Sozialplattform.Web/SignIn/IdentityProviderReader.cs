using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using Sozialplattform.Engine.Definitions;

namespace Sozialplattform.Web.SignIn;

/// <summary>
/// Reads the tenant's citizen identity providers: <c>identity.json</c> in the tenant folder (no file: no provider) and,
/// per provider, its secret from configuration (<c>Sozialplattform:Identity:Providers:&lt;id&gt;:ClientSecret</c>,
/// <c>…:ClientSecretFile</c> or <c>…:PrivateKeyFile</c>). Every problem names the file or setting; any problem stops the host.
/// </summary>
public static class IdentityProviderReader
{
    public const string FileName = "identity.json";
    public const string SecretsSection = "Sozialplattform:Identity:Providers";

    private static readonly IReadOnlyDictionary<string, TrustLevel> LevelNames = new Dictionary<string, TrustLevel>
    {
        ["low"] = TrustLevel.Low, ["substantial"] = TrustLevel.Substantial, ["high"] = TrustLevel.High,
    };

    /// <param name="allowHttp">Development: an issuer on http (the local provider) is accepted; elsewhere only https.</param>
    public static IReadOnlyList<IdentityProviderSettings> Read(string tenantFolder, IConfiguration configuration, bool allowHttp)
    {
        var path = Path.Combine(tenantFolder, FileName);
        if (!File.Exists(path)) return [];
        var problems = new List<string>();
        var providers = new List<IdentityProviderSettings>();
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(File.ReadAllText(path));
        }
        catch (JsonException error)
        {
            throw new IdentityConfigurationException($"{path}: not valid JSON ({error.Message})");
        }

        if (root?["providers"] is not JsonArray entries) throw new IdentityConfigurationException($"{path}: 'providers' must be a list of identity providers");
        for (var i = 0; i < entries.Count; i++)
        {
            void Problem(string message) => problems.Add($"{path} providers[{i}]: {message}");
            if (entries[i] is not JsonObject entry)
            {
                Problem("must be an object");
                continue;
            }

            var id = Text(entry, "id");
            if (id is null || !System.Text.RegularExpressions.Regex.IsMatch(id, "^[a-z0-9][a-z0-9-]{0,39}$")) Problem("'id' is missing or not of a-z, 0-9 and '-' (at most 40)");
            else if (providers.Any(p => p.Id == id)) Problem($"'id' '{id}' is used twice");
            foreach (var misplaced in new[] { "clientSecret", "privateKey", "secret" }.Where(entry.ContainsKey))
                Problem($"'{misplaced}' does not belong in the catalog: put it in configuration ({SecretsSection}:{id}:ClientSecret or …:ClientSecretFile)");
            var issuerText = Text(entry, "issuer");
            if (!Uri.TryCreate(issuerText, UriKind.Absolute, out var issuer)) Problem($"'issuer' '{issuerText}' is not an absolute URL");
            else if (issuer.Scheme != Uri.UriSchemeHttps && !(allowHttp && issuer.IsLoopback)) Problem($"'issuer' '{issuer}' must use https (http only for a local provider in Development)");
            var clientId = Text(entry, "clientId");
            if (string.IsNullOrWhiteSpace(clientId)) Problem("'clientId' is missing");
            var authentication = Text(entry, "clientAuthentication") ?? "clientSecret";
            if (authentication is not ("clientSecret" or "privateKeyJwt")) Problem($"'clientAuthentication' is '{authentication}'; it must be 'clientSecret' or 'privateKeyJwt'");

            var levels = new Dictionary<string, TrustLevel>(StringComparer.Ordinal);
            foreach (var (value, level) in entry["levels"] as JsonObject ?? [])
            {
                if (level?.GetValueKind() == JsonValueKind.String && LevelNames.TryGetValue(level.GetValue<string>(), out var trust)) levels[value] = trust;
                else Problem($"'levels' maps '{value}' to '{level}'; the levels are low, substantial and high");
            }

            if (levels.Count == 0) Problem("'levels' is missing: map the provider's level values (acr) to low, substantial and high");
            var claims = IdentityClaims.All.ToDictionary(c => c, c => c);
            foreach (var (name, claim) in entry["claims"] as JsonObject ?? [])
            {
                if (!IdentityClaims.All.Contains(name)) Problem($"'claims' names '{name}', which the platform does not know (known: {string.Join(", ", IdentityClaims.All)})");
                else if (claim?.GetValueKind() == JsonValueKind.String) claims[name] = claim.GetValue<string>();
            }

            if (id is null || issuer is null || string.IsNullOrWhiteSpace(clientId)) continue;
            var secrets = configuration.GetSection($"{SecretsSection}:{id}");
            var kind = authentication == "privateKeyJwt" ? ClientAuthentication.PrivateKeyJwt : ClientAuthentication.ClientSecret;
            var secret = kind == ClientAuthentication.ClientSecret ? Secret(secrets, id, Problem) : null;
            var keyFile = secrets["PrivateKeyFile"];
            if (kind == ClientAuthentication.PrivateKeyJwt && (keyFile is null || !File.Exists(keyFile)))
                Problem($"{SecretsSection}:{id}:PrivateKeyFile is {(keyFile is null ? "not set" : $"'{keyFile}', which does not exist")} (the PEM file of the portal's private key for private_key_jwt)");
            providers.Add(new IdentityProviderSettings
            {
                Id = id, Name = Text(entry, "name") ?? id, Issuer = issuer, ClientId = clientId, ClientAuthentication = kind, ClientSecret = secret, PrivateKeyFile = keyFile,
                Scopes = (entry["scopes"] as JsonArray)?.Select(s => s?.ToString() ?? "").Where(s => s.Length > 0).ToList() is { Count: > 0 } scopes ? scopes : ["openid", "profile", "email", "address"],
                LevelClaim = Text(entry, "levelClaim") ?? "acr", Levels = levels, Claims = claims, EndSession = entry["endSession"]?.GetValueKind() != JsonValueKind.False,
            });
        }

        if (problems.Count > 0) throw new IdentityConfigurationException("The citizen identity providers cannot be used:\n" + string.Join("\n", problems));
        return providers;
    }

    private static string? Secret(IConfigurationSection secrets, string id, Action<string> problem)
    {
        if (secrets["ClientSecret"] is { Length: > 0 } secret) return secret;
        if (secrets["ClientSecretFile"] is { Length: > 0 } file)
        {
            if (File.Exists(file) && File.ReadAllText(file).Trim() is { Length: > 0 } fromFile) return fromFile;
            problem($"{SecretsSection}:{id}:ClientSecretFile is '{file}', which does not exist or is empty");
            return null;
        }

        problem($"{SecretsSection}:{id}:ClientSecret (or …:ClientSecretFile) is not set: the provider's client secret");
        return null;
    }

    private static string? Text(JsonObject entry, string property) =>
        entry[property] is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;
}
