using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;
using Microsoft.Extensions.DependencyInjection;
using Sozialplattform.Storage.Database;

namespace Sozialplattform.Storage.Crypto;

/// <summary>
/// Protects the Data Protection key ring at rest with the platform's data key (<see cref="DataProtector"/>, AES-256-GCM):
/// whoever reads the key table without the data key cannot forge cookies or antiforgery tokens.
/// </summary>
public sealed class KeyRingEncryptor(DataProtector protector) : IXmlEncryptor
{
    /// <summary>Bound to every ciphertext as associated data, so a key ring value copied into another table does not decrypt.</summary>
    public static readonly Guid Owner = new("5d1b6a52-7f0e-4c8b-9a47-4b6579526e67");

    internal const string Element = "platformEncryptedKey";

    public EncryptedXmlInfo Encrypt(XElement plaintextElement) =>
        new(new XElement(Element, Convert.ToBase64String(protector.ProtectText(plaintextElement.ToString(SaveOptions.DisableFormatting), Owner))),
            typeof(KeyRingDecryptor));
}

/// <summary>Reads key ring entries written by <see cref="KeyRingEncryptor"/>; Data Protection creates it with the host's services.</summary>
public sealed class KeyRingDecryptor(IServiceProvider services) : IXmlDecryptor
{
    public XElement Decrypt(XElement encryptedElement) => Decrypt(encryptedElement, services.GetRequiredService<SozialDatabase>().Protector);

    /// <summary>Decrypts every protected part of one stored key (a readiness check); throws if the data key cannot; returns how many parts.</summary>
    public static int DecryptAll(string storedKeyXml, DataProtector protector)
    {
        var parts = XElement.Parse(storedKeyXml).Descendants(KeyRingEncryptor.Element).ToList();
        foreach (var part in parts) Decrypt(part, protector);
        return parts.Count;
    }

    private static XElement Decrypt(XElement encryptedElement, DataProtector protector) =>
        XElement.Parse(protector.UnprotectText(Convert.FromBase64String(encryptedElement.Value), KeyRingEncryptor.Owner));
}
