namespace Sozialplattform.Designer.Documents;

/// <summary>A definition file that is not JSON the designer can edit; the message names file, line and column.</summary>
public sealed class DefinitionFormatException(string source, long line, long column, string reason)
    : Exception($"{source}:{line}:{column}: {reason}")
{
    public string File { get; } = source;
    public long Line { get; } = line;
    public long Column { get; } = column;
    public string Reason { get; } = reason;
}
