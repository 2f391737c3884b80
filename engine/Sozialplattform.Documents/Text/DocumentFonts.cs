using System.Reflection;

namespace Sozialplattform.Documents.Text;

/// <summary>
/// The fonts shipped in the assembly (DejaVu Sans, see Fonts/LICENSE). Loaded once per process:
/// the same files on every machine make the output identical everywhere.
/// </summary>
public sealed class DocumentFonts
{
    private static readonly Lazy<DocumentFonts> Shipped = new(() => new DocumentFonts(
        Load("DejaVuSans.ttf"),
        Load("DejaVuSans-Bold.ttf")));

    public DocumentFonts(ShapingFont regular, ShapingFont bold)
    {
        Regular = regular;
        Bold = bold;
    }

    public static DocumentFonts Default => Shipped.Value;

    public ShapingFont Regular { get; }

    public ShapingFont Bold { get; }

    private static ShapingFont Load(string fileName)
    {
        var resource = $"Sozialplattform.Documents.Fonts.{fileName}";
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"The font {resource} is not embedded in the assembly.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return new ShapingFont(Path.GetFileNameWithoutExtension(fileName), copy.ToArray());
    }
}
