namespace Sozialplattform.Fim.Model;

/// <summary>
/// The <c>praezisierung</c> of a field, already parsed (JSON string in XDatenfelder 2, attributes in 3).
/// Values stay text: <see cref="MinValue"/>/<see cref="MaxValue"/> may be numbers or dates depending on the type.
/// <see cref="Unparsed"/> keeps a value that could not be understood.
/// </summary>
public sealed record FimPrecision(int? MinLength, int? MaxLength, string? MinValue, string? MaxValue, string? Pattern, string? Unparsed)
{
    public static readonly FimPrecision None = new(null, null, null, null, null, null);

    public bool IsEmpty => this == None;
}
