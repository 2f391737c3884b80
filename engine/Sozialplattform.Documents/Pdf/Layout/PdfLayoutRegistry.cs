using System.Diagnostics.CodeAnalysis;

namespace Sozialplattform.Documents.Pdf.Layout;

/// <summary>The PDF layouts available by name. Built-ins are added exactly like anyone's own layout.</summary>
public sealed class PdfLayoutRegistry
{
    private readonly Dictionary<string, IPdfLayout> _layouts = new(StringComparer.OrdinalIgnoreCase);

    public static PdfLayoutRegistry WithBuiltIns() => new PdfLayoutRegistry().Add(new StandardPdfLayout()).Add(new LetterPdfLayout());

    public IReadOnlyCollection<string> Names => _layouts.Keys;

    public PdfLayoutRegistry Add(IPdfLayout layout)
    {
        if (!_layouts.TryAdd(layout.Name, layout))
            throw new ArgumentException($"A PDF layout named '{layout.Name}' is already registered.", nameof(layout));
        return this;
    }

    public bool TryGet(string name, [NotNullWhen(true)] out IPdfLayout? layout) => _layouts.TryGetValue(name, out layout);
}
