using Sozialplattform.Fim.CodeLists;
using Sozialplattform.Fim.Diagnostics;
using Sozialplattform.Fim.Mapping;
using Sozialplattform.Fim.Reading;
using Sozialplattform.Fim.Xml;

namespace Sozialplattform.Fim.Importing;

/// <summary>
/// The common path of the XDatenfelder importers: check the message type, optionally validate against the
/// version's XSDs (strict), read the schema, map it. The versions differ only in namespace, root name and XSD folder.
/// </summary>
public abstract class XdfImporter : IDefinitionImporter
{
    public abstract string Format { get; }

    protected abstract string Namespace { get; }

    /// <summary>Local name of the Stammdatenschema message's root element.</summary>
    protected virtual string SchemaMessage => "xdatenfelder.stammdatenschema.0102";

    /// <summary>The XSD folder below the shared standards folder, or null when there is none for this version.</summary>
    protected abstract string? StandardsXsdFolder { get; }

    public bool Accepts(ImportSource source) => source.RootNamespace == Namespace;

    public ImportResult Import(ImportSource source, ImportOptions options)
    {
        var diagnostics = new DiagnosticBag(source.Path);
        if (source.RootName != SchemaMessage)
        {
            diagnostics.Error(DiagnosticCodes.NotASchema, null, source.Root.Line(), ("root", source.RootName));
            return ImportResult.Failed(diagnostics, Format);
        }

        if (options.Strict)
        {
            ValidateStrictly(source, options, diagnostics);
            if (diagnostics.HasErrors) return ImportResult.Failed(diagnostics, Format);
        }

        var schemaElement = source.Root.Child("stammdatenschema");
        if (schemaElement is null)
        {
            diagnostics.Error(DiagnosticCodes.NotASchema, null, source.Root.Line(), ("root", source.RootName + " without stammdatenschema"));
            return ImportResult.Failed(diagnostics, Format);
        }

        var schema = new XdfReader(diagnostics, Format).Read(schemaElement);
        GroupNesting.Check(schema, diagnostics);
        if (diagnostics.HasErrors) return ImportResult.Failed(diagnostics, Format);
        var codeListDirectory = options.CodeListDirectory ?? Path.GetDirectoryName(Path.GetFullPath(source.Path));
        var codeLists = new CodeListResolver(new GenericodeDirectory(codeListDirectory, options.Limits, diagnostics), diagnostics);
        var catalog = DefinitionMapper.Map(schema, codeLists, diagnostics);
        return new ImportResult(catalog, Format, diagnostics.Items);
    }

    private void ValidateStrictly(ImportSource source, ImportOptions options, DiagnosticBag diagnostics)
    {
        var directory = options.XsdDirectory
                        ?? (StandardsXsdFolder is not null && StandardsLocator.FindStandards(options.WorkingDirectory) is { } standards
                            ? Path.Combine(standards, StandardsXsdFolder)
                            : null);
        if (directory is null || !XsdValidator.HasSchemas(directory))
        {
            diagnostics.Error(DiagnosticCodes.XsdMissing, null, null, ("version", Format), ("directory", directory ?? "../shared/standards"));
            return;
        }

        XsdValidator.Validate(source.Path, directory, options.Limits, diagnostics);
    }
}
