using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;

namespace Sozialplattform.Storage.Operations;

/// <summary>A secret every host of one database uses, encrypted with the data key (table <c>shared_secrets</c>).</summary>
public sealed class SharedSecret
{
    public string Name { get; set; } = "";
    public byte[] Value { get; set; } = [];
}

/// <summary>
/// Secrets that every host of one database must share — the case API's token keys: a token one host issues is accepted
/// by every other. Whichever host needs a secret first creates it; when two create at once, the database keeps the first
/// and both use that one. Stored encrypted with the platform's data key, bound to the secret's name.
/// </summary>
public sealed class SharedSecrets(OperationsDatabase database)
{
    public string GetOrCreate(string name, Func<string> create)
    {
        if (Read(name) is { } stored) return stored;
        using (var context = database.CreateContext())
        {
            context.Set<SharedSecret>().Add(new SharedSecret { Name = name, Value = database.Platform.Protector.ProtectText(create(), Owner(name)) });
            try
            {
                context.SaveChanges();
            }
            catch (DbUpdateException) when (Read(name) is not null)
            {
                // Another host stored it first: use theirs.
            }
        }

        return Read(name)!;
    }

    private string? Read(string name)
    {
        using var context = database.CreateContext();
        var row = context.Set<SharedSecret>().AsNoTracking().SingleOrDefault(s => s.Name == name);
        if (row is null) return null;
        try
        {
            return database.Platform.Protector.UnprotectText(row.Value, Owner(name));
        }
        catch (CryptographicException)
        {
            throw new CryptographicException(
                $"The shared secret '{name}' in the database cannot be decrypted with this host's data key: every host on one " +
                "database needs the same data key (Sozialplattform:Storage:EncryptionKey or the key file).");
        }
    }

    public static Guid Owner(string name) => new(MD5.HashData(System.Text.Encoding.UTF8.GetBytes("shared-secret:" + name)));
}
