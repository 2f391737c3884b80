namespace Sozialplattform.Fim.Xml;

/// <summary>
/// Limits for untrusted XML. The largest real Stammdatenschema we know is 0.7 MB and nests elements 22 deep;
/// 20 MB and 100 levels leave room and stop abuse (deeper trees make loading superlinear).
/// </summary>
public sealed record XmlLimits(long MaxFileBytes, int MaxElementDepth = XmlLimits.DefaultMaxElementDepth)
{
    public const int DefaultMaxElementDepth = 100;

    public static readonly XmlLimits Default = new(20 * 1024 * 1024);

    public string Describe() => MaxFileBytes % (1024 * 1024) == 0 ? $"{MaxFileBytes / (1024 * 1024)} MB" : $"{MaxFileBytes} bytes";
}
