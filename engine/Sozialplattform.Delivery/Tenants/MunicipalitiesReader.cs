using System.Text.Json.Nodes;

namespace Sozialplattform.Delivery.Tenants;

/// <summary>
/// Reads the optional <c>municipalities.json</c> of a tenant: the Gemeinden (12-digit ARS, name, postal codes) that
/// route below the Kreis. Every bad entry is reported with its place; without the file the tenant routes by Kreis.
/// </summary>
internal static class MunicipalitiesReader
{
    public const string FileName = "municipalities.json";

    public static IReadOnlyList<MunicipalityConfig> Read(string folder, JsonFile file)
    {
        if (!File.Exists(Path.Combine(folder, FileName))) return [];
        var root = file.ReadRoot();
        var entries = root is null ? null : file.Array(root, "municipalities", "");
        var result = new List<MunicipalityConfig>();
        for (var i = 0; i < (entries?.Count ?? 0); i++)
        {
            var entry = $"municipalities[{i}]";
            if (entries![i] is not JsonObject item)
            {
                file.Problem(entry, "must be an object like {\"ars\": \"055540008008\", \"name\": \"Bocholt\", \"postalCodes\": [\"46395\"]}");
                continue;
            }

            var ars = file.String(item, "ars", entry);
            var name = file.String(item, "name", entry);
            if (ars is not null && (ars.Length != 12 || !ars.All(char.IsAsciiDigit)))
            {
                file.Problem(entry, $"'ars' must be the 12-digit Amtlicher Regionalschlüssel of the Gemeinde, not '{ars}'");
                continue;
            }

            var postalCodes = PostalCodes(file, item, entry);
            if (ars is null || name is null || postalCodes is null) continue;
            if (result.Any(m => m.Ars == ars)) file.Problem(entry, $"ARS {ars} is listed twice");
            else result.Add(new MunicipalityConfig(ars, name, postalCodes));
        }

        foreach (var kreis in result.GroupBy(m => m.Kreis).Where(k => k.Count() > 1 && k.Any(m => m.PostalCodes.Count == 0)))
            file.Problem("", $"Kreis {kreis.Key}: '{kreis.First(m => m.PostalCodes.Count == 0).Name}' has no 'postalCodes', which means the whole Kreis, but the Kreis has other Gemeinden too");
        return result;
    }

    private static List<string>? PostalCodes(JsonFile file, JsonObject item, string entry)
    {
        var codes = new List<string>();
        foreach (var node in file.Array(item, "postalCodes", entry, required: false) ?? [])
        {
            var text = node is JsonValue value && value.TryGetValue<string>(out var s) ? s : node?.ToJsonString() ?? "null";
            if (text.Length != 5 || !text.All(char.IsAsciiDigit))
            {
                file.Problem(entry, $"bad postal code '{text}': use 5 digits");
                return null;
            }

            if (codes.Contains(text)) file.Problem(entry, $"postal code {text} is listed twice");
            else codes.Add(text);
        }

        return codes;
    }
}
