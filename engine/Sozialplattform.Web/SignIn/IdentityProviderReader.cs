using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using Sozialplattform.Engine.Definitions;

namespace Sozialplattform.Web.SignIn;

/// <summary>
/// Reads the tenant's citizen identity providers: the list <c>providers</c> of <c>identity.json</c> in the tenant folder
/// (no file or no list: no provider) and, per provider, its secret from configuration
/// (<c>Sozialplattform:Identity:Providers:&lt;id&gt;:ClientSecret</c>, <c>…:ClientSecretFile</c> or <c>…:PrivateKeyFile</c>).
/// Every problem names the file or setting; any problem stops the host.
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
        var root = OidcClientReader.ReadFile(path);
        var problems = new List<string>();
        var providers = new List<IdentityProviderSettings>();
        var taken = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (entry, problem) in OidcClientReader.Entries(root, "providers", path, problems))
        {
            var client = OidcClientReader.Read(entry, SecretsSection, configuration, allowHttp, taken, ["openid", "profile", "email", "address"], problem);
            var levels = new Dictionary<string, TrustLevel>(StringComparer.Ordinal);
            foreach (var (value, level) in entry["levels"] as JsonObject ?? [])
            {
                if (level?.GetValueKind() == JsonValueKind.String && LevelNames.TryGetValue(level.GetValue<string>(), out var trust)) levels[value] = trust;
                else problem($"'levels' maps '{value}' to '{level}'; the levels are low, substantial and high");
            }

            if (levels.Count == 0) problem("'levels' is missing: map the provider's level values (acr) to low, substantial and high");
            var claims = IdentityClaims.All.ToDictionary(c => c, c => c);
            foreach (var (name, claim) in entry["claims"] as JsonObject ?? [])
            {
                if (!IdentityClaims.All.Contains(name)) problem($"'claims' names '{name}', which the platform does not know (known: {string.Join(", ", IdentityClaims.All)})");
                else if (claim?.GetValueKind() == JsonValueKind.String) claims[name] = claim.GetValue<string>();
            }

            if (client is null) continue;
            providers.Add(new IdentityProviderSettings(client)
            {
                LevelClaim = OidcClientReader.Text(entry, "levelClaim") ?? "acr", Levels = levels, Claims = claims, EndSession = entry["endSession"]?.GetValueKind() != JsonValueKind.False,
            });
        }

        if (problems.Count > 0) throw new IdentityConfigurationException("The citizen identity providers cannot be used:\n" + string.Join("\n", problems));
        return providers;
    }
}
