using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Sozialplattform.Catalog.Bundles;

/// <summary>
/// Detached signatures of bundles: ECDSA P-256 with SHA-256 over the exact bytes of <c>manifest.json</c>, which holds the
/// hash of every other file, so one signature covers the whole bundle. Keys are PEM files (PKCS#8 private, SubjectPublicKeyInfo
/// public); a key is named by its id, the SHA-256 of its public key.
/// </summary>
public static class BundleSigning
{
    public const string Algorithm = "ES256";

    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase, WriteIndented = true };

    /// <summary>The content of <c>manifest.json.sig</c> for <paramref name="manifest"/>.</summary>
    public static byte[] Sign(byte[] manifest, ECDsa privateKey)
    {
        var signature = privateKey.SignData(manifest, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
        return JsonSerializer.SerializeToUtf8Bytes(new SignatureFile(Algorithm, KeyId(privateKey), Convert.ToBase64String(signature)), Json);
    }

    /// <summary>The id of a key: the SHA-256 of its public key (SubjectPublicKeyInfo), lower-case hex.</summary>
    public static string KeyId(ECDsa key) => ContentHash.Of(key.ExportSubjectPublicKeyInfo());

    /// <summary>A new P-256 key pair as (private PEM, public PEM).</summary>
    public static (string PrivatePem, string PublicPem) NewKeyPair()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        return (key.ExportPkcs8PrivateKeyPem(), key.ExportSubjectPublicKeyInfoPem());
    }

    /// <summary>Reads a private key (PKCS#8 or SEC1 "EC PRIVATE KEY" PEM) from <paramref name="file"/>.</summary>
    public static ECDsa ReadPrivateKey(string file) => ReadKey(file, requirePrivate: true);

    /// <summary>Reads a public key (or the public half of a private key) from <paramref name="file"/>.</summary>
    public static ECDsa ReadPublicKey(string file) => ReadKey(file, requirePrivate: false);

    private static ECDsa ReadKey(string file, bool requirePrivate)
    {
        string pem;
        try
        {
            pem = File.ReadAllText(file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CatalogException($"The key file {file} cannot be read ({e.Message}).");
        }

        var key = ECDsa.Create();
        try
        {
            key.ImportFromPem(pem);
        }
        catch (Exception e) when (e is ArgumentException or CryptographicException)
        {
            key.Dispose();
            throw new CatalogException($"{file} holds no ECDSA key in PEM form ({e.Message}). Make one with `sozial catalog keygen`.");
        }

        if (key.KeySize != 256)
        {
            key.Dispose();
            throw new CatalogException($"{file} holds an ECDSA key of {key.KeySize} bits; bundles are signed with P-256 keys.");
        }

        if (requirePrivate && !HasPrivateKey(key))
        {
            key.Dispose();
            throw new CatalogException($"{file} holds only a public key; signing needs the private key.");
        }

        return key;
    }

    private static bool HasPrivateKey(ECDsa key)
    {
        try
        {
            return key.ExportParameters(includePrivateParameters: true).D is { Length: > 0 };
        }
        catch (CryptographicException)
        {
            return false;
        }
    }

    /// <summary>The parsed signature file; a damaged one is refused with what is wrong.</summary>
    internal static SignatureFile ReadSignature(byte[] content)
    {
        var file = BundleManifest.ReadJson<SignatureFile>(content, Json, $"{BundleManifest.SignatureFileName} is not a valid signature file");
        if (file is null || file.Algorithm != Algorithm || string.IsNullOrEmpty(file.KeyId) || string.IsNullOrEmpty(file.Signature))
            throw new CatalogException($"{BundleManifest.SignatureFileName} must name the algorithm \"{Algorithm}\", the keyId and the signature.");
        return file;
    }

    internal sealed record SignatureFile(
        [property: JsonPropertyName("algorithm")] string Algorithm,
        [property: JsonPropertyName("keyId")] string KeyId,
        [property: JsonPropertyName("signature")] string Signature);
}

/// <summary>
/// Which bundles an import accepts: signed by one of the operator's trusted keys, or — only when the operator says so
/// explicitly — unsigned ones (a bundle one built oneself). A bundle whose signature does not verify is refused either way.
/// </summary>
public sealed class BundleTrust
{
    private readonly IReadOnlyDictionary<string, ECDsa> _keys;

    private BundleTrust(IReadOnlyDictionary<string, ECDsa> keys, bool acceptUnsigned)
    {
        _keys = keys;
        AcceptsUnsigned = acceptUnsigned;
    }

    /// <summary>Accepts bundles without a signature; a signature that is present must still come from a trusted key, if any are given.</summary>
    public static BundleTrust Unsigned(params ECDsa[] keys) => new(ById(keys), acceptUnsigned: true);

    /// <summary>Accepts only bundles signed by one of <paramref name="keys"/>.</summary>
    public static BundleTrust Keys(params ECDsa[] keys) =>
        keys.Length == 0 ? throw new CatalogException("Name at least one trusted public key.") : new(ById(keys), acceptUnsigned: false);

    public bool AcceptsUnsigned { get; }

    private static Dictionary<string, ECDsa> ById(IEnumerable<ECDsa> keys) =>
        keys.DistinctBy(BundleSigning.KeyId).ToDictionary(BundleSigning.KeyId, k => k, StringComparer.Ordinal);

    /// <summary>The id of the trusted key that signed <paramref name="manifest"/>, null for an accepted unsigned bundle; otherwise refuses.</summary>
    internal string? Verify(byte[] manifest, byte[]? signatureFile)
    {
        if (signatureFile is null)
        {
            if (AcceptsUnsigned) return null;
            throw new CatalogException($"The bundle is not signed (no {BundleManifest.SignatureFileName}); only bundles signed by a trusted key are imported. Nothing was imported.");
        }

        var signature = BundleSigning.ReadSignature(signatureFile);
        if (!_keys.TryGetValue(signature.KeyId, out var key))
        {
            if (AcceptsUnsigned && _keys.Count == 0)
                throw new CatalogException($"The bundle is signed by key {signature.KeyId}, which cannot be checked without its public key: pass it with --trust. Nothing was imported.");
            throw new CatalogException($"The bundle is signed by key {signature.KeyId}, which is not among the trusted keys ({string.Join(", ", _keys.Keys.Order(StringComparer.Ordinal))}). Nothing was imported.");
        }

        byte[] value;
        try
        {
            value = Convert.FromBase64String(signature.Signature);
        }
        catch (FormatException)
        {
            throw new CatalogException($"The signature in {BundleManifest.SignatureFileName} is not Base64. Nothing was imported.");
        }

        if (!key.VerifyData(manifest, value, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation))
            throw new CatalogException($"The signature of the bundle does not match its {BundleManifest.FileName}: the bundle was changed after it was signed, or signed with another key. Nothing was imported.");
        return signature.KeyId;
    }
}
