namespace Sozialplattform.Catalog.Lint;

/// <summary>One lint result: the catalog file, where in it, what is wrong. Warnings are printed but do not fail the lint.</summary>
public sealed record LintFinding(string File, string Where, string Message, LintSeverity Severity = LintSeverity.Error)
{
    /// <summary>For a text that lacks a language: that language (the completeness table counts these).</summary>
    public string? MissingLanguage { get; init; }

    public override string ToString() => $"{(Severity == LintSeverity.Error ? "error" : "warning")}: {File}{(Where.Length > 0 ? " " + Where : "")}: {Message}";
}

public enum LintSeverity { Error, Warning }
