using Base64Url = System.Buffers.Text.Base64Url;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Jose;

namespace Sozialplattform.Delivery.Channels.FitConnect;

/// <summary>JWE compact serialisation with RSA-OAEP-256 and A256GCM to a destination's public key, as FIT-Connect requires.</summary>
internal sealed class JweEncryptor : IDisposable
{
    private readonly RSA _key;
    private readonly string _kid;

    private JweEncryptor(RSA key, string kid)
    {
        _key = key;
        _kid = kid;
    }

    /// <summary>Imports the destination's public JWK; refuses keys that are not RSA-OAEP-256 wrap keys of at least 2048 bits.</summary>
    public static JweEncryptor FromJwk(JsonObject jwk, string expectedKid)
    {
        if ((string?)jwk["kty"] != "RSA") throw new FitConnectException($"key {expectedKid}: kty is not RSA");
        if (jwk["alg"] is { } alg && (string?)alg != "RSA-OAEP-256") throw new FitConnectException($"key {expectedKid}: alg is {(string?)alg}, expected RSA-OAEP-256");
        if (jwk["key_ops"] is JsonArray ops && !ops.Any(o => (string?)o == "wrapKey")) throw new FitConnectException($"key {expectedKid}: key_ops does not allow wrapKey");
        var n = (string?)jwk["n"] ?? throw new FitConnectException($"key {expectedKid}: n is missing");
        var e = (string?)jwk["e"] ?? throw new FitConnectException($"key {expectedKid}: e is missing");
        var rsa = RSA.Create();
        rsa.ImportParameters(new RSAParameters { Modulus = Base64Url.DecodeFromChars(n), Exponent = Base64Url.DecodeFromChars(e) });
        if (rsa.KeySize < 2048) throw new FitConnectException($"key {expectedKid}: {rsa.KeySize} bits is too short");
        return new JweEncryptor(rsa, (string?)jwk["kid"] ?? expectedKid);
    }

    public string Encrypt(byte[] plain, string? contentType)
    {
        var headers = new Dictionary<string, object> { ["kid"] = _kid };
        if (contentType is not null) headers["cty"] = contentType;
        return JWE.EncryptBytes(plain, [new JweRecipient(JweAlgorithm.RSA_OAEP_256, _key, null)], JweEncryption.A256GCM,
            mode: SerializationMode.Compact, extraProtectedHeaders: headers);
    }

    public void Dispose() => _key.Dispose();
}

/// <summary>A FIT-Connect step failed; <see cref="Retryable"/> says whether trying again can help.</summary>
public sealed class FitConnectException(string message, bool retryable = false) : Exception(message)
{
    public bool Retryable { get; } = retryable;
}
