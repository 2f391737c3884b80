namespace Sozialplattform.Fim.Diagnostics;

public enum DiagnosticSeverity
{
    Info,
    Warning,
    Error,
}

/// <summary>
/// One finding of an import or export, as data: a stable code, the FIM element it concerns and where it
/// stands in the file, plus named arguments. <see cref="DiagnosticFormatter"/> turns it into text.
/// </summary>
public sealed record ImportDiagnostic(
    DiagnosticSeverity Severity,
    string Code,
    string? ElementId,
    string? ElementVersion,
    string? File,
    int? Line,
    IReadOnlyDictionary<string, string> Args)
{
    public string? Arg(string name) => Args.TryGetValue(name, out var value) ? value : null;
}
