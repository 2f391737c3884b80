using System.Xml;
using System.Xml.Linq;

namespace Sozialplattform.Fim.Xml;

/// <summary>
/// Reads untrusted XML: DTDs prohibited (no entity expansion, no external entities), no resolver,
/// a size limit checked before and while parsing. Problems come back as <see cref="XmlLoadException"/>
/// with the line, never as a half-read document.
/// </summary>
public static class SafeXmlLoader
{
    public static XmlReaderSettings Settings(XmlLimits limits) => new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        MaxCharactersFromEntities = 0,
        MaxCharactersInDocument = limits.MaxFileBytes,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
    };

    public static XDocument Load(string path, XmlLimits limits)
    {
        var info = new FileInfo(path);
        if (!info.Exists) throw new XmlLoadException(XmlLoadProblem.NotFound, path, null, "file not found");
        if (info.Length > limits.MaxFileBytes)
            throw new XmlLoadException(XmlLoadProblem.TooLarge, path, null, $"{info.Length} bytes, the limit is {limits.Describe()}");

        using var stream = File.OpenRead(path);
        return Load(stream, path, limits);
    }

    public static XDocument Load(Stream stream, string path, XmlLimits limits)
    {
        try
        {
            using var reader = XmlReader.Create(stream, Settings(limits));
            return XDocument.Load(reader, LoadOptions.SetLineInfo);
        }
        catch (XmlException e) when (IsDtdProblem(e))
        {
            throw new XmlLoadException(XmlLoadProblem.Dtd, path, e.LineNumber, e.Message);
        }
        catch (XmlException e) when (e.Message.Contains("MaxCharactersInDocument", StringComparison.Ordinal))
        {
            throw new XmlLoadException(XmlLoadProblem.TooLarge, path, e.LineNumber, $"more than {limits.Describe()} of characters");
        }
        catch (XmlException e)
        {
            throw new XmlLoadException(XmlLoadProblem.NotWellFormed, path, e.LineNumber == 0 ? null : e.LineNumber, e.Message);
        }
    }

    private static bool IsDtdProblem(XmlException e) =>
        e.Message.Contains("DTD", StringComparison.Ordinal) || e.Message.Contains("DOCTYPE", StringComparison.OrdinalIgnoreCase);
}

public enum XmlLoadProblem
{
    NotFound,
    TooLarge,
    Dtd,
    NotWellFormed,
}

/// <summary>Why a file could not be read as XML, with the line where the parser stopped.</summary>
public sealed class XmlLoadException(XmlLoadProblem problem, string path, int? line, string detail)
    : Exception($"{path}{(line is null ? "" : $"({line})")}: {detail}")
{
    public XmlLoadProblem Problem { get; } = problem;
    public string Path { get; } = path;
    public int? Line { get; } = line;
    public string Detail { get; } = detail;
}
