namespace Sozialplattform.Fim.Model;

/// <summary>A <c>Datenfeld</c> with its codes (<c>feldart</c>, <c>datentyp</c>) as written in the file.</summary>
public sealed class FimField : FimElement
{
    public string FieldKind { get; init; } = "input";
    public string DataType { get; init; } = "text";
    public FimPrecision Precision { get; init; } = FimPrecision.None;
    public string Content { get; init; } = "";
    public IReadOnlyList<FimValue> Values { get; init; } = [];
    public FimCodeListReference? CodeList { get; init; }
    public string? CodeKey { get; init; }
    public string? NameKey { get; init; }
    public string? HelpKey { get; init; }
    public long? MaxSize { get; init; }
    public IReadOnlyList<string> MediaTypes { get; init; } = [];
}
