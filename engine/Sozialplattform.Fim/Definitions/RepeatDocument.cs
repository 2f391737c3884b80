namespace Sozialplattform.Fim.Definitions;

/// <summary>The <c>repeat</c> of a group: rows between <see cref="Min"/> and <see cref="Max"/> (no maximum when null).</summary>
public sealed record RepeatDocument(int? Min, int? Max);
