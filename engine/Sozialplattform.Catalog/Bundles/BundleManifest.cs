using System.Text.Json;
using System.Text.Json.Serialization;

namespace Sozialplattform.Catalog.Bundles;

/// <summary>
/// <c>manifest.json</c> of a catalog bundle: every file with its content hash and the blocks and code lists each
/// form or block needs. It is written canonically (sorted, no timestamps), so the same content always gives the
/// same bytes; a signature is a detached signature over exactly these bytes (<c>manifest.json.sig</c>).
/// </summary>
public sealed record BundleManifest(
    string Format,
    int FormatVersion,
    IReadOnlyList<BundleItem> Forms,
    IReadOnlyList<BundleItem> Blocks,
    IReadOnlyList<BundleItem> CodeLists,
    IReadOnlyList<BundleItem>? Samples = null,
    IReadOnlyList<BundleItem>? Letters = null,
    IReadOnlyList<BundleItem>? Checklists = null)
{
    public const string FileName = "manifest.json";
    public const string SignatureFileName = "manifest.json.sig";
    public const string FormatName = "sozialplattform-catalog-bundle";

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public IEnumerable<(BundleItemKind Kind, BundleItem Item)> All() =>
        Forms.Select(f => (BundleItemKind.Form, f))
            .Concat(Blocks.Select(b => (BundleItemKind.Block, b)))
            .Concat(CodeLists.Select(c => (BundleItemKind.CodeList, c)))
            .Concat((Samples ?? []).Select(a => (BundleItemKind.Sample, a)))
            .Concat((Letters ?? []).Select(l => (BundleItemKind.Letter, l)))
            .Concat((Checklists ?? []).Select(c => (BundleItemKind.Checklist, c)));

    public byte[] ToUtf8() => JsonSerializer.SerializeToUtf8Bytes(this, Json);

    /// <summary>A JSON file of the bundle, or a <see cref="CatalogException"/> that starts with <paramref name="whatIsWrong"/>.</summary>
    internal static T? ReadJson<T>(byte[] utf8, JsonSerializerOptions options, string whatIsWrong)
    {
        try
        {
            return JsonSerializer.Deserialize<T>(utf8, options);
        }
        catch (JsonException e)
        {
            throw new CatalogException($"{whatIsWrong}: {e.Message}");
        }
    }

    public static BundleManifest FromUtf8(byte[] utf8)
    {
        var manifest = ReadJson<BundleManifest>(utf8, Json, $"{FileName} is not a valid bundle manifest");
        if (manifest is null || manifest.Format != FormatName)
            throw new CatalogException($"{FileName} is not a Sozialplattform catalog bundle manifest (format must be '{FormatName}').");
        if (manifest.FormatVersion != 1)
            throw new CatalogException($"{FileName} has format version {manifest.FormatVersion}; this version of sozial reads version 1.");
        if (manifest.Forms is null || manifest.Blocks is null || manifest.CodeLists is null)
            throw new CatalogException($"{FileName} must list forms, blocks and codeLists.");
        return manifest;
    }
}

/// <summary>
/// One file of the bundle. <see cref="Blocks"/> and <see cref="CodeLists"/> are the direct dependencies (forms and blocks
/// only); a sample carries the id and version of its form.
/// </summary>
public sealed record BundleItem(
    string Id,
    string Version,
    string Path,
    string Sha256,
    long Size,
    IReadOnlyList<string>? Blocks = null,
    IReadOnlyList<string>? CodeLists = null)
{
    [JsonIgnore]
    public CatalogReference Reference => new(Id, Version);
}

/// <summary>
/// What a bundle holds: definitions, and beside each form its sample answers (so that an imported catalog passes the lint),
/// its decision letter templates and its case checklist (so that the partner's caseworkers have them too).
/// </summary>
public enum BundleItemKind { Form, Block, CodeList, Sample, Letter, Checklist }
