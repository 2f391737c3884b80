using System.Security.Cryptography;
using Microsoft.AspNetCore.Hosting;

namespace Sozialplattform.Web.Tests.Infrastructure;

/// <summary>
/// One key pair of the case API's token server per test process, as configured key files: a host without them generates
/// a 3072-bit RSA key for its new database, up to a second of CPU, and the test suites start hundreds of hosts. The tests
/// of the keys themselves (shared through the database, taken over from files) go without them (<see cref="Unset"/>).
/// </summary>
public static class TestApiKeys
{
    private static readonly Lazy<(string Signing, string Encryption)> Files = new(Write);

    public static void Configure(IWebHostBuilder builder)
    {
        builder.UseSetting("Sozialplattform:Api:SigningKeyFile", Files.Value.Signing);
        builder.UseSetting("Sozialplattform:Api:EncryptionKeyFile", Files.Value.Encryption);
    }

    /// <summary>Back to the host's own keys (generated into or read from the database).</summary>
    public static void Unset(IWebHostBuilder builder)
    {
        builder.UseSetting("Sozialplattform:Api:SigningKeyFile", "");
        builder.UseSetting("Sozialplattform:Api:EncryptionKeyFile", "");
    }

    private static (string, string) Write()
    {
        var folder = Directory.CreateTempSubdirectory("sozial-test-api-keys-").FullName;
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Directory.Delete(folder, recursive: true);
        using var rsa = RSA.Create(3072);
        var signing = Path.Combine(folder, "signing.pem");
        var encryption = Path.Combine(folder, "encryption.key");
        File.WriteAllText(signing, rsa.ExportRSAPrivateKeyPem());
        File.WriteAllText(encryption, Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
        return (signing, encryption);
    }
}
