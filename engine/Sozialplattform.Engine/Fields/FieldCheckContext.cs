using Sozialplattform.Engine.Definitions;

namespace Sozialplattform.Engine.Fields;

/// <summary>What a field type's <c>Validate</c> may use: today's date and a way to report findings at the field or one of its parts.</summary>
public sealed class FieldCheckContext(DateOnly today, Action<string, string, IReadOnlyDictionary<string, object?>?> report)
{
    public DateOnly Today { get; } = today;

    /// <summary>Reports an error at the field (<paramref name="subPath"/> empty) or at a part of it (".street", "[1]").</summary>
    public void Report(string code, IReadOnlyDictionary<string, object?>? args = null, string subPath = "") => report(subPath, code, args);
}

/// <summary>What formatting may use: the language and the texts of the localiser (e.g. "Ja"/"Nein").</summary>
public sealed record FormatContext(string Language, Localization.Localizer Localizer);
