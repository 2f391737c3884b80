namespace Sozialplattform.Fim.Importing;

/// <summary>
/// Turns a foreign form description into our definition format. Importers are registered explicitly in a
/// <see cref="DefinitionImporterRegistry"/>; the first that accepts a source imports it.
/// Contract: never throws for bad input — problems are diagnostics in the result; a result without a catalog has errors.
/// </summary>
public interface IDefinitionImporter
{
    /// <summary>Human-readable format name, e.g. "XDatenfelder 2.0".</summary>
    string Format { get; }

    /// <summary>True when this importer reads the source (e.g. by the root element's namespace).</summary>
    bool Accepts(ImportSource source);

    ImportResult Import(ImportSource source, ImportOptions options);
}
