using System.Xml;
using Sozialplattform.Fim.Xml;

namespace Sozialplattform.Fim.Tests.Support;

/// <summary>Every Stammdatenschema under ../shared/standards (found by root element), as test data.</summary>
public static class StandardsFiles
{
    public const string Absent = "(../shared/standards absent)";

    public static IEnumerable<object[]> Schemas()
    {
        if (!Directory.Exists(TestPaths.Standards)) return [[Absent]];
        return Directory.EnumerateFiles(TestPaths.Standards, "*.xml", SearchOption.AllDirectories)
            .Where(IsStammdatenschema)
            .Select(f => Path.GetRelativePath(TestPaths.Standards, f))
            .Order(StringComparer.Ordinal)
            .Select(f => new object[] { f });
    }

    /// <summary>The real, well-formed Stammdatenschemata of a known version (the flxbe "unknown-namespace" file is excluded).</summary>
    public static IEnumerable<object[]> ImportableSchemas() =>
        Schemas().Where(s => (string)s[0] == Absent || Namespace(Path.Combine(TestPaths.Standards, (string)s[0])) is XdfNamespaces.Xdf1 or XdfNamespaces.Xdf2 or XdfNamespaces.Xdf3);

    public static string? Namespace(string file)
    {
        using var reader = XmlReader.Create(file, SafeXmlLoader.Settings(XmlLimits.Default));
        return reader.MoveToContent() == XmlNodeType.Element ? reader.NamespaceURI : null;
    }

    private static bool IsStammdatenschema(string file)
    {
        try
        {
            using var reader = XmlReader.Create(file, SafeXmlLoader.Settings(XmlLimits.Default));
            return reader.MoveToContent() == XmlNodeType.Element && reader.LocalName.StartsWith("xdatenfelder.stammdatenschema", StringComparison.Ordinal);
        }
        catch (XmlException)
        {
            return false;
        }
    }
}
