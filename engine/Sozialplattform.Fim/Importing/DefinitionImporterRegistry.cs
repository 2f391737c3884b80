using Sozialplattform.Fim.Diagnostics;
using Sozialplattform.Fim.Xml;

namespace Sozialplattform.Fim.Importing;

/// <summary>
/// The importers, registered explicitly, and the one entry point that reads a file safely and hands it to the
/// first importer that accepts it.
/// </summary>
public sealed class DefinitionImporterRegistry
{
    private readonly List<IDefinitionImporter> _importers = [];

    /// <summary>XDatenfelder 3.0.0, 2.0 and 1.</summary>
    public static DefinitionImporterRegistry CreateDefault() =>
        new DefinitionImporterRegistry().Add(new Xdf3Importer()).Add(new Xdf2Importer()).Add(new Xdf1Importer());

    public IReadOnlyList<IDefinitionImporter> Importers => _importers;

    public DefinitionImporterRegistry Add(IDefinitionImporter importer)
    {
        _importers.Add(importer);
        return this;
    }

    public ImportResult Import(string path, ImportOptions options)
    {
        var diagnostics = new DiagnosticBag(path);
        ImportSource source;
        try
        {
            source = new ImportSource(path, SafeXmlLoader.Load(path, options.Limits));
        }
        catch (XmlLoadException e)
        {
            diagnostics.Error(Code(e.Problem), null, e.Line, ("detail", e.Detail));
            return ImportResult.Failed(diagnostics);
        }

        var importer = _importers.FirstOrDefault(i => i.Accepts(source));
        if (importer is not null) return importer.Import(source, options);

        var ns = source.RootNamespace;
        if (XdfNamespaces.LooksLikeXdatenfelder(ns))
            diagnostics.Error(DiagnosticCodes.VersionUnsupported, null, source.Root.Line(),
                ("detail", $"XDatenfelder namespace '{ns}' is not supported; supported: {string.Join(", ", _importers.Select(i => i.Format))}"));
        else
            diagnostics.Error(DiagnosticCodes.NamespaceUnknown, null, source.Root.Line(), ("root", source.RootName), ("namespace", ns));
        return ImportResult.Failed(diagnostics);
    }

    private static string Code(XmlLoadProblem problem) => problem switch
    {
        XmlLoadProblem.NotFound => DiagnosticCodes.FileNotFound,
        XmlLoadProblem.TooLarge => DiagnosticCodes.FileTooLarge,
        XmlLoadProblem.Dtd => DiagnosticCodes.DtdProhibited,
        XmlLoadProblem.TooDeep => DiagnosticCodes.XmlTooDeep,
        _ => DiagnosticCodes.NotWellFormed,
    };
}
