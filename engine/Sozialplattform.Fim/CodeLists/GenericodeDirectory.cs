using System.Xml;
using Sozialplattform.Fim.Diagnostics;
using Sozialplattform.Fim.Model;
using Sozialplattform.Fim.Xml;

namespace Sozialplattform.Fim.CodeLists;

/// <summary>
/// The genericode files of a folder (by default the one the Stammdatenschema is in), found by content:
/// real exports name them <c>C00000021_genericode.xml</c> or just <c>1122.xml</c>. Read on first use.
/// </summary>
public sealed class GenericodeDirectory(string? directory, XmlLimits limits, DiagnosticBag diagnostics)
{
    private List<GenericodeList>? _lists;

    public IReadOnlyList<GenericodeList> Lists => _lists ??= Scan();

    /// <summary>The list with the reference's canonical version URI, canonical URI and version, or FIM list id as file name.</summary>
    public GenericodeList? FindExact(FimCodeListReference reference) =>
        Lists.FirstOrDefault(l => reference.CanonicalVersionUri is { } uri && l.CanonicalVersionUri == uri)
        ?? Lists.FirstOrDefault(l => reference.CanonicalUri is { } uri && l.CanonicalUri == uri && l.Version == reference.Version)
        ?? Lists.FirstOrDefault(l => reference.ListId is { } id && Path.GetFileNameWithoutExtension(l.File) is var name
                                     && (name == id || name.StartsWith(id + "_", StringComparison.Ordinal)));

    /// <summary>Lists with the same canonical URI in other versions.</summary>
    public IReadOnlyList<GenericodeList> OtherVersions(FimCodeListReference reference) =>
        Lists.Where(l => reference.CanonicalUri is { } uri && l.CanonicalUri == uri).ToList();

    private List<GenericodeList> Scan()
    {
        if (directory is null || !Directory.Exists(directory)) return [];
        var lists = new List<GenericodeList>();
        foreach (var file in Directory.EnumerateFiles(directory, "*.xml").Order(StringComparer.Ordinal))
        {
            if (!RootIsCodeList(file)) continue;
            try
            {
                lists.Add(GenericodeReader.Read(SafeXmlLoader.Load(file, limits).Root!, file));
            }
            catch (XmlLoadException e)
            {
                diagnostics.Warning(DiagnosticCodes.CodeListFileUnreadable, null, e.Line, ("file", file), ("detail", e.Detail));
            }
        }

        return lists;
    }

    /// <summary>Peeks at the root element only, so that large non-genericode files beside the schema cost little.</summary>
    private bool RootIsCodeList(string file)
    {
        try
        {
            using var reader = XmlReader.Create(file, SafeXmlLoader.Settings(limits));
            return reader.MoveToContent() == XmlNodeType.Element && reader.LocalName == "CodeList";
        }
        catch (XmlException)
        {
            return false;
        }
    }
}
