using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Sozialplattform.Engine.Definitions;

namespace Sozialplattform.Engine.Fields;

/// <summary>
/// Uploaded files. The answer is attachment metadata — <c>[{id, name, size, mediaType, sha256}]</c> — never the bytes;
/// the host stores the bytes (encrypted) and enforces the same limits when receiving them.
/// </summary>
public sealed partial class FileFieldType : FieldType
{
    public const long DefaultMaxSize = 10 * 1024 * 1024;

    public override string Name => "file";
    public override IReadOnlySet<string> Properties { get; } = new HashSet<string> { "accept", "maxSize", "maxFiles" };

    public static int MaxFilesOf(FieldDefinition field) => field.MaxFiles ?? 1;
    public static long MaxSizeOf(FieldDefinition field) => field.MaxSize ?? DefaultMaxSize;

    /// <summary>The accepted types as citizens know them ("PDF, JPEG, PNG"), for the hint and the error alike.</summary>
    public static string TypeNames(FieldDefinition field) => string.Join(", ", field.Accept.Select(TypeName).Distinct());

    private static string TypeName(string mediaType) => mediaType switch
    {
        "application/pdf" => "PDF",
        "image/*" => "JPEG, PNG",
        _ => mediaType.Split('/')[^1].ToUpperInvariant(),
    };

    public static bool Accepts(FieldDefinition field, string mediaType) =>
        field.Accept.Count == 0 || field.Accept.Any(pattern =>
            pattern.EndsWith("/*", StringComparison.Ordinal)
                ? mediaType.StartsWith(pattern[..^1], StringComparison.OrdinalIgnoreCase)
                : string.Equals(pattern, mediaType, StringComparison.OrdinalIgnoreCase));

    public override ParseResult Parse(JsonNode answer, FieldDefinition field)
    {
        var items = answer is JsonArray array ? array.ToList() : [answer];
        var files = new JsonArray();
        foreach (var item in items)
        {
            if (item is not JsonObject file || !TryReadAttachment(file, out var normalized)) return ParseResult.Fail("attachment");
            files.Add(normalized);
        }

        return ParseResult.Ok(files);
    }

    public override void Validate(FieldDefinition field, JsonNode value, FieldCheckContext context)
    {
        var files = value.AsArray();
        if (files.Count > MaxFilesOf(field)) context.Report("maxFiles", Args(("max", MaxFilesOf(field))));
        for (var i = 0; i < files.Count; i++)
        {
            var file = files[i]!.AsObject();
            var mediaType = file["mediaType"]!.GetValue<string>();
            if (!Accepts(field, mediaType)) context.Report("fileType", Args(("name", file["name"]!.GetValue<string>()), ("accept", TypeNames(field))), $"[{i}]");
            if (file["size"]!.GetValue<long>() > MaxSizeOf(field)) context.Report("fileSize", Args(("name", file["name"]!.GetValue<string>()), ("max", MaxSizeOf(field))), $"[{i}]");
        }
    }

    public override string Format(FieldDefinition field, JsonNode value, FormatContext context) =>
        string.Join(", ", value.AsArray().Select(f => $"{f!["name"]!.GetValue<string>()} ({DisplayFormats.FileSize(f["size"]!.GetValue<long>(), context.Language)})"));

    public override JsonObject Schema(FieldDefinition field) => WithTitle(new JsonObject
    {
        ["type"] = "array",
        ["maxItems"] = MaxFilesOf(field),
        ["items"] = new JsonObject
        {
            ["type"] = "object",
            ["required"] = new JsonArray("id", "name", "size", "mediaType", "sha256"),
            ["additionalProperties"] = false,
            ["properties"] = new JsonObject
            {
                ["id"] = new JsonObject { ["type"] = "string" },
                ["name"] = new JsonObject { ["type"] = "string" },
                ["size"] = new JsonObject { ["type"] = "integer", ["minimum"] = 0, ["maximum"] = MaxSizeOf(field) },
                ["mediaType"] = new JsonObject { ["type"] = "string" },
                ["sha256"] = new JsonObject { ["type"] = "string", ["pattern"] = "^[0-9a-f]{64}$" },
            },
        },
    }, field);

    public override RenderHints Render(FieldDefinition field) => new("file");

    /// <summary>The portal turns uploads into metadata itself; posted strings are ignored.</summary>
    public override JsonNode? FromFormInput(FieldDefinition field, IFormInput input) => null;

    private static bool TryReadAttachment(JsonObject file, out JsonObject normalized)
    {
        normalized = new JsonObject();
        if (!AnswerValues.TryGetString(file["id"] ?? JsonValue.Create(0), out var id) || id.Length is 0 or > 100) return false;
        if (!AnswerValues.TryGetString(file["name"] ?? JsonValue.Create(0), out var name) || name.Length is 0 or > 255) return false;
        if (!AnswerValues.TryGetString(file["mediaType"] ?? JsonValue.Create(0), out var mediaType) || !MediaType().IsMatch(mediaType)) return false;
        if (!AnswerValues.TryGetString(file["sha256"] ?? JsonValue.Create(0), out var sha256) || !Sha256().IsMatch(sha256)) return false;
        if (file["size"] is not JsonValue size || size.GetValueKind() != JsonValueKind.Number || !size.TryGetValue(out long bytes) || bytes < 0) return false;
        normalized["id"] = id;
        normalized["name"] = AnswerValues.CleanText(name, keepLineBreaks: false);
        normalized["size"] = bytes;
        normalized["mediaType"] = mediaType.ToLowerInvariant();
        normalized["sha256"] = sha256.ToLowerInvariant();
        return true;
    }

    [GeneratedRegex(@"^[A-Za-z]+/[-+.A-Za-z0-9]+$")]
    private static partial Regex MediaType();

    [GeneratedRegex("^[0-9a-fA-F]{64}$")]
    private static partial Regex Sha256();
}
