namespace Sozialplattform.Engine.Definitions;

/// <summary>Where something is in a definition file: file, JSON path and (1-based) line and column.</summary>
public sealed record SourceLocation(string File, string JsonPath, int Line, int Column)
{
    public static readonly SourceLocation None = new("", "", 0, 0);

    public override string ToString()
    {
        var position = Line > 0 ? $":{Line}:{Column}" : "";
        var path = string.IsNullOrEmpty(JsonPath) ? "" : $" ({JsonPath})";
        return $"{File}{position}{path}";
    }
}
