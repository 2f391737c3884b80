namespace Sozialplattform.Documents.Pdf.Layout;

/// <summary>Page size and margins in points. The running header and the footer sit inside the margins.</summary>
public sealed record PageGeometry(float Width, float Height, float MarginTop, float MarginBottom, float MarginStart, float MarginEnd)
{
    /// <summary>A4 portrait with 2 cm side margins.</summary>
    public static PageGeometry A4 { get; } = new(595.28f, 841.89f, 64f, 64f, 56.7f, 56.7f);

    public float ContentTop => MarginTop;

    public float ContentBottom => Height - MarginBottom;

    public float ContentWidth => Width - MarginStart - MarginEnd;

    public float ContentHeight => ContentBottom - ContentTop;
}
