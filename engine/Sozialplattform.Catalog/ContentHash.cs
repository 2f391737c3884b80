using System.Security.Cryptography;

namespace Sozialplattform.Catalog;

/// <summary>The content hash of a catalog file: SHA-256 of its exact bytes, lower-case hex.</summary>
public static class ContentHash
{
    public static string Of(ReadOnlySpan<byte> content) => Convert.ToHexStringLower(SHA256.HashData(content));
}
