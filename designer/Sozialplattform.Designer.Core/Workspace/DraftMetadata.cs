using System.Text.Json;

namespace Sozialplattform.Designer.Workspace;

/// <summary>draft.json beside a draft's form.json: what the draft started from and who saved which content last.</summary>
internal sealed record DraftMetadata(string? BaseVersion, string SavedBy, DateTimeOffset SavedAt, string ETag)
{
    private static readonly JsonSerializerOptions Options = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase, WriteIndented = true };

    public byte[] ToUtf8() => JsonSerializer.SerializeToUtf8Bytes(this, Options);

    public static DraftMetadata? Read(string path)
    {
        if (!File.Exists(path)) return null;
        try
        {
            return JsonSerializer.Deserialize<DraftMetadata>(File.ReadAllBytes(path), Options);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
