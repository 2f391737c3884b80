using System.Text.Json;
using System.Text.Json.Nodes;
using Sozialplattform.Centres.Records;
using Sozialplattform.Centres.Validation;

namespace Sozialplattform.Centres.Import;

/// <summary>
/// Import and export files: JSON (an array of records, or <c>{ "centres": [...] }</c>, the shape of
/// <see cref="CentreJson"/>) and CSV (<see cref="CentreCsv"/>), chosen by the file extension.
/// </summary>
public static class CentreFiles
{
    public const long MaxBytes = 50 * 1024 * 1024;

    public static IReadOnlyList<FileEntry> Read(string path)
    {
        if (new FileInfo(path).Length > MaxBytes) return [new(0, null, [new("file", "tooLong", MaxBytes.ToString(System.Globalization.CultureInfo.InvariantCulture))])];
        return Path.GetExtension(path).Equals(".csv", StringComparison.OrdinalIgnoreCase) ? CentreCsv.Read(File.ReadAllText(path)) : ReadJson(File.ReadAllText(path));
    }

    public static IReadOnlyList<FileEntry> ReadJson(string json)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(json);
        }
        catch (JsonException error)
        {
            return [new(0, null, [new("file", "jsonMalformed", error.Message)])];
        }

        var items = root is JsonObject obj && obj["centres"] is JsonArray inner ? inner : root as JsonArray;
        if (items is null) return [new(0, null, [new("file", "jsonMalformed", "expected an array of centres or { \"centres\": [...] }")])];
        var entries = new List<FileEntry>(items.Count);
        for (var i = 0; i < items.Count; i++)
        {
            try
            {
                var record = items[i].Deserialize<CentreRecord>(CentreJson.Options);
                entries.Add(record is null ? new(i + 1, null, [new("", "required")]) : new(i + 1, record, []));
            }
            catch (JsonException error)
            {
                entries.Add(new(i + 1, null, [new(error.Path ?? "", "jsonMalformed", error.Message)]));
            }
        }

        return entries;
    }

    public static string WriteJson(IEnumerable<CentreRecord> records) =>
        new JsonObject { ["centres"] = new JsonArray(records.Select(r => JsonNode.Parse(CentreJson.Write(r))).ToArray()) }.ToJsonString(CentreJson.Indented);

    internal static IReadOnlyList<CentreError> Refusal(string path, string code, params string[] args) => [new(path, code, args)];
}
