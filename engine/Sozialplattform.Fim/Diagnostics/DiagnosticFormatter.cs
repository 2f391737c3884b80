using System.Text.RegularExpressions;

namespace Sozialplattform.Fim.Diagnostics;

/// <summary>Turns diagnostics into report lines: <c>file(line): warning code [F00000001 1.0]: message</c>.</summary>
public static partial class DiagnosticFormatter
{
    public static string Format(ImportDiagnostic diagnostic)
    {
        var location = diagnostic.File is null ? "" : Path.GetFileName(diagnostic.File) + (diagnostic.Line is > 0 ? $"({diagnostic.Line})" : "") + ": ";
        var element = diagnostic.ElementId is null ? "" : $" [{diagnostic.ElementId}{(diagnostic.ElementVersion is null ? "" : " " + diagnostic.ElementVersion)}]";
        return $"{location}{Severity(diagnostic.Severity)} {diagnostic.Code}{element}: {Message(diagnostic)}";
    }

    public static string Message(ImportDiagnostic diagnostic)
    {
        var template = DiagnosticCodes.Messages.GetValueOrDefault(diagnostic.Code, diagnostic.Code);
        return Placeholder().Replace(template, m => diagnostic.Arg(m.Groups[1].Value) ?? "");
    }

    private static string Severity(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => "error",
        DiagnosticSeverity.Warning => "warning",
        _ => "info",
    };

    [GeneratedRegex(@"\{(\w+)\}")]
    private static partial Regex Placeholder();
}
