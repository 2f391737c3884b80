namespace Sozialplattform.Fim.Xml;

/// <summary>Limits for untrusted XML. The largest real Stammdatenschema we know is 0.7 MB; 20 MB leaves room and stops abuse.</summary>
public sealed record XmlLimits(long MaxFileBytes)
{
    public static readonly XmlLimits Default = new(20 * 1024 * 1024);

    public string Describe() => MaxFileBytes % (1024 * 1024) == 0 ? $"{MaxFileBytes / (1024 * 1024)} MB" : $"{MaxFileBytes} bytes";
}
