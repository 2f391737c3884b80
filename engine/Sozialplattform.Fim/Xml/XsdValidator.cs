using System.Collections.Concurrent;
using System.Xml;
using System.Xml.Schema;
using Sozialplattform.Fim.Diagnostics;

namespace Sozialplattform.Fim.Xml;

/// <summary>
/// Validates a file against the XDatenfelder XSDs of one folder (entry point <c>xdatenfelder.xsd</c>) and reports
/// each XSD message with its line. The XSDs are our own trusted files, so only they are read with a resolver;
/// the validated document is read with DTDs prohibited and no resolver. Compiled schema sets are cached per folder.
/// </summary>
public static class XsdValidator
{
    public const string EntryFile = "xdatenfelder.xsd";
    private const int MaxMessages = 50;
    private static readonly ConcurrentDictionary<string, XmlSchemaSet> Cache = new(StringComparer.Ordinal);

    public static bool HasSchemas(string directory) => File.Exists(Path.Combine(directory, EntryFile));

    public static void Validate(string file, string xsdDirectory, XmlLimits limits, DiagnosticBag diagnostics)
    {
        var settings = SafeXmlLoader.Settings(limits);
        settings.ValidationType = ValidationType.Schema;
        settings.Schemas = Schemas(xsdDirectory);
        settings.ValidationFlags |= XmlSchemaValidationFlags.ReportValidationWarnings;
        var count = 0;
        settings.ValidationEventHandler += (_, e) =>
        {
            if (++count <= MaxMessages)
                diagnostics.Error(DiagnosticCodes.XsdInvalid, null, e.Exception?.LineNumber, ("detail", e.Message));
        };

        using (var reader = XmlReader.Create(file, settings))
            while (reader.Read()) { }

        if (count > MaxMessages)
            diagnostics.Error(DiagnosticCodes.XsdInvalid, null, null, ("detail", $"… and {count - MaxMessages} more XSD messages"));
    }

    private static XmlSchemaSet Schemas(string directory) => Cache.GetOrAdd(Path.GetFullPath(directory), dir =>
    {
        var set = new XmlSchemaSet { XmlResolver = new XmlUrlResolver() };
        using (var reader = XmlReader.Create(Path.Combine(dir, EntryFile), new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore }))
            set.Add(null, reader);
        set.Compile();
        return set;
    });
}
