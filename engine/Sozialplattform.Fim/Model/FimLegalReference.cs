namespace Sozialplattform.Fim.Model;

/// <summary>A <c>bezug</c>: legal reference text with an optional link (XDatenfelder 3).</summary>
public sealed record FimLegalReference(string Text, string? Link);
