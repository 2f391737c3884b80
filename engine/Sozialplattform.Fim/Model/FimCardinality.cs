using System.Globalization;

namespace Sozialplattform.Fim.Model;

/// <summary>The <c>anzahl</c> of a usage, <c>min:max</c>; <see cref="Max"/> is null for <c>*</c>.</summary>
public sealed record FimCardinality(int Min, int? Max)
{
    public static readonly FimCardinality RequiredOnce = new(1, 1);

    public bool IsRequired => Min >= 1;

    public bool IsRepeatable => Max is null or > 1;

    public override string ToString() => $"{Min}:{(Max is { } max ? max.ToString(CultureInfo.InvariantCulture) : "*")}";

    /// <summary>Parses <c>\d+:(\*|\d+)</c>; returns null for anything else.</summary>
    public static FimCardinality? TryParse(string? text)
    {
        var parts = (text ?? "").Trim().Split(':');
        if (parts.Length != 2 || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var min)) return null;
        if (parts[1] == "*") return new FimCardinality(min, null);
        return int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var max) ? new FimCardinality(min, max) : null;
    }
}
