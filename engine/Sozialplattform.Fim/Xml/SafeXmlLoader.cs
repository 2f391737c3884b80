using System.Xml;
using System.Xml.Linq;

namespace Sozialplattform.Fim.Xml;

/// <summary>
/// Reads untrusted XML: DTDs prohibited (no entity expansion, no external entities), no resolver,
/// a size limit checked before and while parsing, a nesting limit checked by a streaming pass before the tree is
/// built (building a tree of 100,000 nested elements takes minutes). Problems come back as
/// <see cref="XmlLoadException"/> with the line, never as a half-read document.
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

        try
        {
            using var stream = File.OpenRead(path);
            return Load(stream, path, limits);
        }
        catch (XmlLoadException e) when (e is { Problem: XmlLoadProblem.Dtd, Line: null })
        {
            throw new XmlLoadException(XmlLoadProblem.Dtd, path, DoctypeLine(path), e.Detail);
        }
    }

    /// <summary>The parser reports no position for a prohibited DTD; the file (already known to be within the limit) tells where it is.</summary>
    private static int? DoctypeLine(string path)
    {
        var line = 0;
        foreach (var text in File.ReadLines(path))
        {
            line++;
            if (text.Contains("<!DOCTYPE", StringComparison.OrdinalIgnoreCase)) return line;
        }

        return null;
    }

    /// <summary>Reads a seekable stream twice: once streaming to check the nesting, then into the tree.</summary>
    public static XDocument Load(Stream stream, string path, XmlLimits limits)
    {
        var start = stream.Position;
        Read(stream, path, limits, reader => CheckDepth(reader, path, limits));
        stream.Position = start;
        return Read(stream, path, limits, reader => XDocument.Load(reader, LoadOptions.SetLineInfo));
    }

    private static bool CheckDepth(XmlReader reader, string path, XmlLimits limits)
    {
        while (reader.Read())
        {
            if (reader.NodeType == XmlNodeType.Element && reader.Depth >= limits.MaxElementDepth)
                throw new XmlLoadException(XmlLoadProblem.TooDeep, path, LineOf(reader),
                    $"element <{reader.Name}> is nested {reader.Depth + 1} levels deep; the limit is {limits.MaxElementDepth}");
        }

        return true;
    }

    private static T Read<T>(Stream stream, string path, XmlLimits limits, Func<XmlReader, T> read)
    {
        using var reader = XmlReader.Create(stream, Settings(limits));
        try
        {
            return read(reader);
        }
        catch (XmlException e) when (IsDtdProblem(e))
        {
            throw new XmlLoadException(XmlLoadProblem.Dtd, path, LineOf(e, reader), e.Message);
        }
        catch (XmlException e) when (e.Message.Contains("MaxCharactersInDocument", StringComparison.Ordinal))
        {
            throw new XmlLoadException(XmlLoadProblem.TooLarge, path, LineOf(e, reader), $"more than {limits.Describe()} of characters");
        }
        catch (XmlException e)
        {
            throw new XmlLoadException(XmlLoadProblem.NotWellFormed, path, LineOf(e, reader), e.Message);
        }
    }

    private static int? LineOf(XmlReader reader) => reader is IXmlLineInfo info && info.HasLineInfo() ? info.LineNumber : null;

    /// <summary>Some parser errors (the DTD one) carry no position; the reader still knows where it stopped.</summary>
    private static int? LineOf(XmlException e, XmlReader reader)
    {
        if (e.LineNumber > 0) return e.LineNumber;
        return reader is IXmlLineInfo info && info.HasLineInfo() && info.LineNumber > 0 ? info.LineNumber : null;
    }

    private static bool IsDtdProblem(XmlException e) =>
        e.Message.Contains("DTD", StringComparison.Ordinal) || e.Message.Contains("DOCTYPE", StringComparison.OrdinalIgnoreCase);
}

public enum XmlLoadProblem
{
    NotFound,
    TooLarge,
    Dtd,
    TooDeep,
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
