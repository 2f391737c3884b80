namespace Sozialplattform.Engine.Definitions;

/// <summary>A legal reference such as "§ 22 Abs. 8 SGB II", optionally with a link to the law.</summary>
public sealed record LegalReference(LocalizedText Text, string? Link);
