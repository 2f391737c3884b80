using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using Sozialplattform.Delivery.Tenants;
using Sozialplattform.Web.SignIn;

namespace Sozialplattform.Web.StaffSignIn;

/// <summary>
/// Reads the tenant's staff providers: the list <c>staff</c> of <c>identity.json</c> (beside the citizens' <c>providers</c>)
/// and each one's secret or key from configuration (<c>Sozialplattform:Identity:StaffProviders:&lt;id&gt;:ClientSecret</c>,
/// <c>…:ClientSecretFile</c>, <c>…:PrivateKeyFile</c>). Every problem names the entry and the property or setting; any
/// problem stops the host (<see cref="IdentityConfigurationException"/>).
/// </summary>
public static class StaffProviderReader
{
    public const string SecretsSection = "Sozialplattform:Identity:StaffProviders";

    public static IReadOnlyList<StaffProviderSettings> Read(string tenantFolder, IConfiguration configuration, bool allowHttp)
    {
        var path = Path.Combine(tenantFolder, IdentityProviderReader.FileName);
        var root = OidcClientReader.ReadFile(path);
        var problems = new List<string>();
        var providers = new List<StaffProviderSettings>();
        var taken = new HashSet<string>(StringComparer.Ordinal);
        var authorities = TenantFolderReader.Read(tenantFolder).Configuration?.Authorities.Select(a => a.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var (entry, problem) in OidcClientReader.Entries(root, "staff", path, problems))
        {
            var client = OidcClientReader.Read(entry, SecretsSection, configuration, allowHttp, taken, ["openid", "profile"], problem);
            var roleClaim = OidcClientReader.Text(entry, "roleClaim") ?? "groups";
            if (roleClaim.Trim().Length == 0) problem("'roleClaim' is empty: name the claim that carries the roles or groups");
            var roles = Roles(entry, authorities, problem);
            var mfa = Mfa(entry, problem);
            if (client is null) continue;
            providers.Add(new StaffProviderSettings(client)
            {
                RoleClaim = roleClaim, Roles = roles, Mfa = mfa, NameClaim = OidcClientReader.Text(entry, "nameClaim") ?? "name",
            });
        }

        if (problems.Count > 0) throw new IdentityConfigurationException("The staff single sign-on providers cannot be used:\n" + string.Join("\n", problems));
        return providers;
    }

    private static Dictionary<string, IReadOnlyList<StaffRole>> Roles(JsonObject entry, IReadOnlySet<string>? authorities, Action<string> problem)
    {
        var roles = new Dictionary<string, IReadOnlyList<StaffRole>>(StringComparer.Ordinal);
        if (entry["roles"] is not JsonObject mapping || mapping.Count == 0)
        {
            problem("'roles' is missing: map the values of the role claim to caseworker:<authority>, lead:<authority>, operator or author");
            return roles;
        }

        foreach (var (value, target) in mapping)
        {
            var texts = target switch
            {
                JsonValue single when single.GetValueKind() == JsonValueKind.String => [single.GetValue<string>()],
                JsonArray list => list.Select(t => t?.GetValueKind() == JsonValueKind.String ? t.GetValue<string>() : "").ToList(),
                _ => new List<string> { target?.ToJsonString() ?? "null" },
            };
            var parsed = new List<StaffRole>();
            foreach (var text in texts)
            {
                if (StaffRole.Parse(text) is not { } role) problem($"'roles' maps '{value}' to '{text}'; a role is caseworker:<authority>, lead:<authority>, operator or author");
                else if (authorities is not null && role.InboxRole is not null && role.AuthorityId.Length > 0 && !authorities.Contains(role.AuthorityId))
                    problem($"'roles' maps '{value}' to '{text}', but the tenant has no authority '{role.AuthorityId}' (authorities.json)");
                else parsed.Add(role);
            }

            roles[value] = parsed;
        }

        return roles;
    }

    private static MfaRequirement? Mfa(JsonObject entry, Action<string> problem)
    {
        if (entry["mfa"] is null) return null;
        if (entry["mfa"] is not JsonObject mfa)
        {
            problem("'mfa' must be an object with 'acr' and/or 'amr' lists");
            return null;
        }

        List<string> Values(string name) => (mfa[name] as JsonArray)?.Select(v => v?.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : "").Where(v => v.Length > 0).ToList() ?? [];
        var requirement = new MfaRequirement(Values("acr"), Values("amr"));
        if (requirement.Acr.Count + requirement.Amr.Count == 0) problem("'mfa' names no 'acr' or 'amr' value that proves a second factor");
        return requirement;
    }
}
