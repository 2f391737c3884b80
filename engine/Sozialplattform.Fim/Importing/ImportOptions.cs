using Sozialplattform.Fim.Xml;

namespace Sozialplattform.Fim.Importing;

/// <summary>
/// How to import. <see cref="CodeListDirectory"/> defaults to the folder of the imported file;
/// <see cref="Strict"/> validates against the XSDs of the file's version and fails with their messages; they are read from
/// <see cref="XsdDirectory"/> (the folder holding <c>xdatenfelder.xsd</c>) or, when null, from
/// <c>../shared/standards/xdf2/xsd</c> or <c>xdf3/xsd</c> found by <see cref="Xml.StandardsLocator"/>.
/// </summary>
public sealed record ImportOptions
{
    public string? CodeListDirectory { get; init; }
    public bool Strict { get; init; }
    public string? XsdDirectory { get; init; }
    public XmlLimits Limits { get; init; } = XmlLimits.Default;

    /// <summary>Where relative defaults (the shared standards folder) are looked up from.</summary>
    public string WorkingDirectory { get; init; } = Directory.GetCurrentDirectory();
}
