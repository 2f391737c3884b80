using Microsoft.EntityFrameworkCore;
using Sozialplattform.Storage.Database;
using Sozialplattform.Storage.Entities;

namespace Sozialplattform.Storage.Crypto;

/// <summary>
/// Reads the index root of blind indexes and derived secrets from the database, or stores it there on the first start of
/// a database that has none. A database written before key rotation existed derived its tokens and status links from the
/// data key itself, so its root is extracted from that key (the current one, or — when the operator already lists
/// retired keys — the first retired one, the oldest): every token and link stays valid, and after a rotation the root
/// is kept encrypted under the new key, so the old key can go.
/// </summary>
public static class IndexRoots
{
    public const string Name = "index";

    /// <summary>Bound to the stored root as associated data.</summary>
    public static readonly Guid Owner = new("0b5e2f1c-3d4a-4e6b-8c7d-9a1b2c3d4e5f");

    public static async Task<byte[]> LoadOrCreateAsync(SozialDatabase database, DataProtector keys, CancellationToken cancellationToken)
    {
        if (await ReadAsync(database, keys, cancellationToken) is { } stored) return stored;

        var root = DataProtector.IndexRootOf(keys.Ring.Retired.FirstOrDefault() ?? keys.Ring.Current);
        using (await database.EnterWriteAsync(cancellationToken))
        await using (var context = database.CreateContext())
        {
            context.IndexRoots.Add(new IndexRootRow { Name = Name, ValueCipher = keys.Protect(root, Owner) });
            try
            {
                await context.SaveChangesAsync(cancellationToken);
                return root;
            }
            catch (DbUpdateException)
            {
                // Another host stored it first: use theirs.
            }
        }

        return await ReadAsync(database, keys, cancellationToken) ?? throw new InvalidOperationException("The index root could not be stored.");
    }

    private static async Task<byte[]?> ReadAsync(SozialDatabase database, DataProtector keys, CancellationToken cancellationToken)
    {
        await using var context = database.CreateContext();
        var row = await context.IndexRoots.AsNoTracking().SingleOrDefaultAsync(r => r.Name == Name, cancellationToken);
        if (row is null) return null;
        try
        {
            return keys.Unprotect(row.ValueCipher, Owner);
        }
        catch (DataKeyMissingException missing)
        {
            throw new StorageConfigurationException(missing.Message);
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            throw new StorageConfigurationException(
                "The database's index root decrypts with none of this host's data keys: this database was written with another " +
                "data key (Sozialplattform:Storage:EncryptionKey, RetiredEncryptionKeys or the key files).");
        }
    }
}
