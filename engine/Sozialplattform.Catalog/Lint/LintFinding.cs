namespace Sozialplattform.Catalog.Lint;

/// <summary>
/// One lint result: the catalog file, where in it, what is wrong. Warnings are printed but do not fail the lint.
/// <see cref="Message"/> is the English sentence the command line prints; <see cref="Code"/> (one of
/// <see cref="LintCodes"/>) and <see cref="Arguments"/> are the same finding as data, which the designer turns into the
/// author's language.
/// </summary>
public sealed record LintFinding(string File, string Where, string Message, LintSeverity Severity = LintSeverity.Error)
{
    /// <summary>For a text that lacks a language: that language (the completeness table counts these).</summary>
    public string? MissingLanguage { get; init; }

    public string Code { get; init; } = LintCodes.Other;

    public IReadOnlyList<string> Arguments { get; init; } = [];

    public override string ToString() => $"{(Severity == LintSeverity.Error ? "error" : "warning")}: {File}{(Where.Length > 0 ? " " + Where : "")}: {Message}";
}

public enum LintSeverity { Error, Warning }
