namespace Sozialplattform.Fim.Definitions;

/// <summary>A check <c>{when, message}</c>: the error shows while <see cref="When"/> is true.</summary>
public sealed record ValidationDocument(string When, LocalizedText Message, string? Code = null);
