namespace Sozialplattform.Fim.Model;

/// <summary>A <c>codelisteReferenz</c>: the list's FIM id (XDatenfelder 2 only) and its genericode identification.</summary>
public sealed record FimCodeListReference(string? ListId, string? CanonicalUri, string? Version, string? CanonicalVersionUri)
{
    public override string ToString() =>
        CanonicalUri is { Length: > 0 } uri ? (Version is { Length: > 0 } v ? $"{uri} {v}" : uri) : ListId ?? CanonicalVersionUri ?? "(unnamed)";
}
