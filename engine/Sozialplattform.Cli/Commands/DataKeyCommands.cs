using Sozialplattform.Storage.Crypto;
using Sozialplattform.Storage.Crypto.Rotation;
using Sozialplattform.Storage.Database;

namespace Sozialplattform.Cli.Commands;

/// <summary>
/// <c>sozial data-key new|status|rotate</c>: a fresh key, how many values are under each key, and the re-encryption of
/// every registered column under the current key while the hosts keep serving (docs/OPERATIONS.md, "Rotating the data key").
/// </summary>
public sealed class DataKeyCommand(string verb, string summary) : ICliCommand
{
    public static readonly DataKeyCommand New = new("new", "print a fresh random data key (base64) and its id");
    public static readonly DataKeyCommand Status = new("status", "count the encrypted values under each data key id");
    public static readonly DataKeyCommand Rotate = new("rotate", "re-encrypt every value under the current data key (while hosts serve)");

    private const string KeyUsage = """
          --retired-key-file <f>  a file with a retired key (base64); several separated by commas. Keys also come, as
                                  for the host, from Sozialplattform__Storage__EncryptionKey and
                                  Sozialplattform__Storage__RetiredEncryptionKeys__0, __1, … (else the data folder's key file)
        """;

    public string Name => $"data-key {verb}";
    public string Summary => summary;
    public string Usage => verb switch
    {
        "new" => """
            Usage: sozial data-key new

            Prints a new random 32-byte key in base64 and, on a second line, its id. Put the key into your secret store; the
            id is what 'status' and error messages show (never the key).
            Exit codes: 0.
            """,
        "status" => $"""
            Usage: sozial data-key status [--data <dir>] [--postgres <conn>] [--retired-key-file <f>]

            Lists, per encrypted column of every area, how many values are under each key id ('v1': written before key
            ids, under the original key), marks the current key, and says whether a retired key is still needed.
            {DeliveryCommandSupport.StorageUsage}{KeyUsage}
            Exit codes: 0 every value is under the current key, 1 values remain under other keys, 2 usage or key error.
            """,
        _ => $"""
            Usage: sozial data-key rotate [--batch <n>] [--data <dir>] [--postgres <conn>] [--retired-key-file <f>]

            Re-encrypts every value not yet under the current key, batch by batch (default 50 rows), writing each row back
            only if it is unchanged since it was read — hosts keep serving meanwhile, their writes win. Killed, it resumes
            where it stopped when run again; two at once re-encrypt each value once. Refuses, changing nothing, when values
            are under a key this configuration lacks (naming its id).
            {DeliveryCommandSupport.StorageUsage}{KeyUsage}
            Exit codes: 0 every value is under the current key, 1 values remain (rows written meanwhile under an old key:
            run again once every host has the new key), 2 usage or key error.
            """,
    };

    public int Run(CliContext context, IReadOnlyList<string> arguments)
    {
        var args = new CliArguments(arguments, new HashSet<string>(DeliveryCommandSupport.StorageOptions) { "--batch", "--retired-key-file" }, new HashSet<string>());
        args.ExpectAtMost(0);
        if (verb == "new")
        {
            var material = System.Security.Cryptography.RandomNumberGenerator.GetBytes(DataKey.Size);
            context.Out.WriteLine(Convert.ToBase64String(material));
            context.Out.WriteLine($"id {new DataKey(material).IdText}");
            return 0;
        }

        var batch = int.TryParse(args.Option("--batch") ?? "50", out var n) && n is > 0 and <= 10_000 ? n : throw new CliUsageException("--batch needs a number from 1 to 10000");
        var database = Open(context, args);
        var rotation = new DataKeyRotation(database, DataKeyColumns.All);
        if (verb == "rotate")
        {
            context.Out.WriteLine($"re-encrypting under the current key {database.Protector.Ring.Current.IdText}");
            try
            {
                foreach (var done in rotation.RotateAsync(batch).GetAwaiter().GetResult())
                    if (done.Reencrypted + done.ChangedMeanwhile > 0)
                        context.Out.WriteLine($"{done.Column.Name}: {done.Reencrypted} re-encrypted{(done.ChangedMeanwhile > 0 ? $", {done.ChangedMeanwhile} changed meanwhile by a host" : "")}");
            }
            catch (StorageConfigurationException e)
            {
                context.Error.WriteLine($"sozial data-key rotate: {e.Message}");
                return 2;
            }
            catch (System.Security.Cryptography.CryptographicException e)
            {
                // A value of layout version 1 that no configured key decrypts, or a key missing (DataKeyMissingException).
                context.Error.WriteLine($"sozial data-key rotate: {e.Message}");
                return 2;
            }
        }

        return PrintStatus(context, database, rotation);
    }

    private static int PrintStatus(CliContext context, SozialDatabase database, DataKeyRotation rotation)
    {
        var current = database.Protector.Ring.Current.IdText;
        var status = rotation.StatusAsync().GetAwaiter().GetResult();
        foreach (var column in status.Where(s => s.ByKeyId.Count > 0))
            context.Out.WriteLine($"{column.Column.Name}: {string.Join(", ", column.ByKeyId.OrderBy(k => k.Key, StringComparer.Ordinal).Select(k => $"{k.Key}{(k.Key == current ? " (current)" : "")} {k.Value}"))}");
        var remaining = status.SelectMany(s => s.ByKeyId).Where(k => k.Key != current).GroupBy(k => k.Key).ToDictionary(g => g.Key, g => g.Sum(k => k.Value));
        context.Out.WriteLine(remaining.Count == 0
            ? $"every value is under the current key {current}: retired keys are no longer needed"
            : $"values not under the current key {current}: {string.Join(", ", remaining.OrderBy(r => r.Key, StringComparer.Ordinal).Select(r => $"{r.Key} {r.Value}"))} — keep those keys and run 'sozial data-key rotate'");
        return remaining.Count == 0 ? 0 : 1;
    }

    private static SozialDatabase Open(CliContext context, CliArguments args)
    {
        var data = context.FullPath(args.Option("--data") ?? "data");
        var retiredFiles = (args.Option("--retired-key-file") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(context.FullPath).ToArray();
        var options = new StorageOptions
        {
            Provider = args.Option("--postgres") is null ? StorageProvider.Sqlite : StorageProvider.Postgres,
            ConnectionString = args.Option("--postgres"),
            DataDirectory = data,
            EncryptionKey = Environment.GetEnvironmentVariable("Sozialplattform__Storage__EncryptionKey"),
            RetiredEncryptionKeys = [.. Enumerable.Range(0, 100).Select(i => Environment.GetEnvironmentVariable($"Sozialplattform__Storage__RetiredEncryptionKeys__{i}")).TakeWhile(k => k is not null).Select(k => k!)],
            RetiredKeyFiles = retiredFiles,
        };
        try
        {
            var database = SozialDatabase.OpenAsync(options).GetAwaiter().GetResult();
            DataKeyColumns.MigrateAreasAsync(database).GetAwaiter().GetResult();
            return database;
        }
        catch (StorageConfigurationException e)
        {
            throw new CliUsageException(e.Message);
        }
    }
}
