using Sozialplattform.Fim.Definitions;
using Sozialplattform.Fim.Diagnostics;

namespace Sozialplattform.Fim.Importing;

/// <summary>The imported catalog (null when the import failed) and everything the import has to report.</summary>
public sealed record ImportResult(ImportedCatalog? Catalog, string? Format, IReadOnlyList<ImportDiagnostic> Diagnostics)
{
    public bool Succeeded => Catalog is not null && Diagnostics.All(d => d.Severity != DiagnosticSeverity.Error);

    public static ImportResult Failed(DiagnosticBag diagnostics, string? format = null) => new(null, format, diagnostics.Items);
}
