using System.Security.Cryptography;
using System.Text;
using Sozialplattform.Storage.Crypto;
using Sozialplattform.Storage.Database;

namespace Sozialplattform.Delivery.Tests.DataKeys;

/// <summary>The key ring and the two ciphertext layouts: what a host reads, what it refuses, and what it never says.</summary>
public sealed class DataKeyRingTests
{
    private static readonly byte[] KeyA = Enumerable.Range(0, 32).Select(i => (byte)i).ToArray();
    private static readonly byte[] KeyB = Enumerable.Range(100, 32).Select(i => (byte)i).ToArray();
    private static readonly Guid Owner = Guid.NewGuid();

    /// <summary>A ciphertext as the platform wrote it before key ids: version 1 | nonce | tag | cipher.</summary>
    public static byte[] LegacyCipher(byte[] key, string text, Guid owner)
    {
        var plain = Encoding.UTF8.GetBytes(text);
        var output = new byte[1 + 12 + 16 + plain.Length];
        output[0] = 1;
        RandomNumberGenerator.Fill(output.AsSpan(1, 12));
        using var aes = new AesGcm(key, 16);
        aes.Encrypt(output.AsSpan(1, 12), plain, output.AsSpan(29), output.AsSpan(13, 16), owner.ToByteArray());
        return output;
    }

    [Fact]
    public void New_values_carry_the_current_keys_id_and_values_of_a_retired_key_still_decrypt()
    {
        var old = new DataProtector(KeyA).ProtectText("vorher", Owner);
        var ring = new DataProtector(DataKeyRing.Of(KeyB, KeyA));
        var fresh = ring.ProtectText("nachher", Owner);

        DataProtector.KeyIdOf(old).ShouldBe(new DataKey(KeyA).IdText);
        DataProtector.KeyIdOf(fresh).ShouldBe(new DataKey(KeyB).IdText);
        ring.IsUnderCurrentKey(fresh).ShouldBeTrue();
        ring.IsUnderCurrentKey(old).ShouldBeFalse();
        ring.UnprotectText(old, Owner).ShouldBe("vorher");
        ring.UnprotectText(ring.Reprotect(old, Owner), Owner).ShouldBe("vorher");
        DataProtector.KeyIdOf(ring.Reprotect(old, Owner)).ShouldBe(new DataKey(KeyB).IdText);
    }

    [Fact]
    public void Values_of_layout_version_1_decrypt_with_the_key_they_were_written_with_wherever_it_is_in_the_ring()
    {
        var legacy = LegacyCipher(KeyA, "vor der Rotation", Owner);

        new DataProtector(KeyA).UnprotectText(legacy, Owner).ShouldBe("vor der Rotation");
        new DataProtector(DataKeyRing.Of(KeyB, KeyA)).UnprotectText(legacy, Owner).ShouldBe("vor der Rotation");
        DataProtector.KeyIdOf(legacy).ShouldBe("v1");
        var error = Should.Throw<CryptographicException>(() => new DataProtector(KeyB).Unprotect(legacy, Owner));
        error.Message.ShouldContain(new DataKey(KeyB).IdText);
    }

    [Fact]
    public void A_value_under_a_key_the_host_lacks_names_that_keys_id_and_never_a_key()
    {
        var cipher = new DataProtector(KeyA).ProtectText("geheim", Owner);

        var error = Should.Throw<DataKeyMissingException>(() => new DataProtector(KeyB).Unprotect(cipher, Owner));

        error.KeyId.ShouldBe(new DataKey(KeyA).IdText);
        error.Message.ShouldContain(new DataKey(KeyA).IdText);
        error.Message.ShouldNotContain(Convert.ToBase64String(KeyA));
        error.Message.ShouldNotContain(Convert.ToBase64String(KeyB));
    }

    [Fact]
    public void Blind_indexes_and_derived_secrets_are_those_the_platform_computed_before_key_rotation_existed()
    {
        // What DataProtector computed before this version: HKDF.DeriveKey(key, info: purpose), then HMAC.
        var subKey = HKDF.DeriveKey(HashAlgorithmName.SHA256, KeyA, 32, info: Encoding.UTF8.GetBytes("inbox-name-search"));
        var before = Convert.ToHexStringLower(HMACSHA256.HashData(subKey, Encoding.UTF8.GetBytes("yilmaz")).AsSpan(0, 16));
        var statusKey = HKDF.DeriveKey(HashAlgorithmName.SHA256, KeyA, 32, info: Encoding.UTF8.GetBytes("status-secret"));
        var secretBefore = Convert.ToBase64String(HMACSHA256.HashData(statusKey, Owner.ToByteArray())).TrimEnd('=').Replace('+', '-').Replace('/', '_');

        var afterRotation = new DataProtector(DataKeyRing.Of(KeyB), DataProtector.IndexRootOf(new DataKey(KeyA)));

        afterRotation.SearchToken("inbox-name-search", "yilmaz").ShouldBe(before);
        afterRotation.DeriveSecret("status-secret", Owner).ShouldBe(secretBefore);
        new DataProtector(KeyA).SearchToken("inbox-name-search", "yilmaz").ShouldBe(before);
    }

    [Theory]
    [InlineData("kein base64!", "Storage:RetiredEncryptionKeys:0", "is not base64")]
    [InlineData("AAECAwQFBgcICQ==", "Storage:RetiredEncryptionKeys:0", "has 10 bytes; AES-256 needs 32")]
    public void A_malformed_or_short_retired_key_stops_the_start_naming_where_it_came_from(string retired, string source, string problem)
    {
        var error = Should.Throw<StorageConfigurationException>(() => EncryptionKeys.Load(new StorageOptions
        {
            EncryptionKey = Convert.ToBase64String(KeyB),
            RetiredEncryptionKeys = [retired],
        }));

        error.Message.ShouldContain(source);
        error.Message.ShouldContain(problem);
    }

    [Fact]
    public void A_key_given_as_current_and_as_retired_stops_the_start_naming_its_id_and_both_places()
    {
        var error = Should.Throw<StorageConfigurationException>(() => EncryptionKeys.Load(new StorageOptions
        {
            EncryptionKey = Convert.ToBase64String(KeyA),
            RetiredEncryptionKeys = [Convert.ToBase64String(KeyB), Convert.ToBase64String(KeyA)],
        }));

        error.Message.ShouldContain(new DataKey(KeyA).IdText);
        error.Message.ShouldContain("Storage:EncryptionKey and Storage:RetiredEncryptionKeys:1");
        error.Message.ShouldNotContain(Convert.ToBase64String(KeyA));
    }

    [Fact]
    public void A_missing_retired_key_file_stops_the_start_naming_the_file()
    {
        var error = Should.Throw<StorageConfigurationException>(() => EncryptionKeys.Load(new StorageOptions
        {
            EncryptionKey = Convert.ToBase64String(KeyB),
            RetiredKeyFiles = ["/nonexistent/old.key"],
        }));

        error.Message.ShouldContain("/nonexistent/old.key");
    }

    [Fact]
    public void Retired_keys_come_from_configuration_and_files_after_the_current_one()
    {
        var folder = Directory.CreateTempSubdirectory("sozial-keys-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(folder, "old.key"), Convert.ToBase64String(KeyA) + "\n");
            var ring = EncryptionKeys.Load(new StorageOptions { DataDirectory = folder, EncryptionKey = Convert.ToBase64String(KeyB), RetiredKeyFiles = ["old.key"] });

            ring.Current.IdText.ShouldBe(new DataKey(KeyB).IdText);
            ring.Retired.Select(k => k.IdText).ShouldBe([new DataKey(KeyA).IdText]);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
