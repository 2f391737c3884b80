namespace Sozialplattform.Fim.Model;

/// <summary>One entry of an inline value list (<c>werte/wert</c>) or a genericode row.</summary>
public sealed record FimValue(string Code, string Name, string? Help);
