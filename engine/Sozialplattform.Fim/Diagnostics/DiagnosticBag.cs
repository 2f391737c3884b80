using Sozialplattform.Fim.Model;

namespace Sozialplattform.Fim.Diagnostics;

/// <summary>Collects the diagnostics of one import or export run, in the order they were found.</summary>
public sealed class DiagnosticBag(string? file)
{
    private readonly List<ImportDiagnostic> _items = [];

    public string? File { get; } = file;

    public IReadOnlyList<ImportDiagnostic> Items => _items;

    public bool HasErrors => _items.Any(d => d.Severity == DiagnosticSeverity.Error);

    public void Add(DiagnosticSeverity severity, string code, FimIdentity? element, int? line, params (string Name, object? Value)[] args) =>
        _items.Add(new ImportDiagnostic(severity, code, element?.Id, element?.Version, File, line, ToArgs(args)));

    public void Info(string code, FimIdentity? element, int? line, params (string Name, object? Value)[] args) =>
        Add(DiagnosticSeverity.Info, code, element, line, args);

    public void Warning(string code, FimIdentity? element, int? line, params (string Name, object? Value)[] args) =>
        Add(DiagnosticSeverity.Warning, code, element, line, args);

    public void Error(string code, FimIdentity? element, int? line, params (string Name, object? Value)[] args) =>
        Add(DiagnosticSeverity.Error, code, element, line, args);

    public void AddRange(IEnumerable<ImportDiagnostic> diagnostics) => _items.AddRange(diagnostics);

    private static IReadOnlyDictionary<string, string> ToArgs((string Name, object? Value)[] args) =>
        args.Where(a => a.Value is not null)
            .ToDictionary(a => a.Name, a => Convert.ToString(a.Value, System.Globalization.CultureInfo.InvariantCulture) ?? "");
}
