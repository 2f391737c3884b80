using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;
using Sozialplattform.Cli.Commands;
using Sozialplattform.Delivery.Tests.Infrastructure;
using Sozialplattform.Storage.Crypto;
using Sozialplattform.Storage.Crypto.Rotation;
using Sozialplattform.Storage.Database;
using Sozialplattform.Storage.Operations;
using Sozialplattform.Storage.Submissions;

namespace Sozialplattform.Delivery.Tests.DataKeys;

/// <summary>
/// The rotation on a real database while another instance of the storage (a serving host: its own connection pool,
/// the same configuration) keeps accepting submissions and saving drafts; then, with the old key gone from the
/// configuration, everything written before, during and after reads, tokens and status links are unchanged, and no value
/// is left under the old key.
/// </summary>
public abstract class DataKeyRotationTests
{
    protected static readonly string KeyA = Convert.ToBase64String(Enumerable.Range(0, 32).Select(i => (byte)i).ToArray());
    protected static readonly string KeyB = Convert.ToBase64String(Enumerable.Range(50, 32).Select(i => (byte)i).ToArray());
    protected static readonly string KeyC = Convert.ToBase64String(Enumerable.Range(150, 32).Select(i => (byte)i).ToArray());
    private static readonly Destination[] OneDestination = [new("jobcenter-borken", "inbox")];

    /// <summary>The storage opened on this test's database with <paramref name="current"/> and the retired keys.</summary>
    protected Task<SozialDatabase> OpenAsync(string current, params string[] retired) => OpenAsync(current, retired, []);

    protected abstract Task<SozialDatabase> OpenAsync(string current, string[] retired, IInterceptor[] interceptors);

    private static string IdOf(string key) => new DataKey(Convert.FromBase64String(key)).IdText;

    private async Task<SozialDatabase> OpenAllAsync(string current, params string[] retired)
    {
        var database = await OpenAsync(current, retired);
        await DataKeyColumns.MigrateAreasAsync(database);
        return database;
    }

    private static async Task<Dictionary<string, long>> RemainingAsync(SozialDatabase database) =>
        (await new DataKeyRotation(database, DataKeyColumns.All).StatusAsync())
            .SelectMany(s => s.ByKeyId).GroupBy(k => k.Key).ToDictionary(g => g.Key, g => g.Sum(k => k.Value));

    private static async Task<List<(string Key, AcceptResult Result)>> SubmitAsync(SozialDatabase database, string prefix, int count)
    {
        var store = new SubmissionStore(database);
        var results = new List<(string, AcceptResult)>();
        for (var i = 0; i < count; i++)
            results.Add(($"{prefix}-{i}", await store.AcceptAsync(Samples.Submission($"{prefix}-{i}"), OneDestination)));
        return results;
    }

    [SkippableFact]
    public async Task Everything_written_before_during_and_after_a_rotation_reads_with_only_the_new_key()
    {
        var before = await OpenAllAsync(KeyA);
        var submittedBefore = await SubmitAsync(before, "vorher", 6);
        var (draftId, draftSecret) = await new DraftStore(before).CreateAsync("nrw", "buergergeld", "1.0.0", "hash", """{"name":"Ayşe Yılmaz"}""");
        var apiKey = new SharedSecrets(await OperationsDatabase.OpenAsync(before)).GetOrCreate("case-api-signing", () => "signing-key-material");
        var keyRingXml = await AddKeyRingEntryAsync(before);
        await WriteLegacyAnswersAsync(before, submittedBefore[0].Result.Submission.Id);
        var tokenBefore = before.Protector.SearchToken("inbox-name-search", "yilmaz");

        // Every host now runs with B as current and A retired; one of them serves while the rotation runs.
        var host = await OpenAllAsync(KeyB, KeyA);
        var rotator = await OpenAllAsync(KeyB, KeyA);
        using var serving = new CancellationTokenSource();
        var submittedDuring = new List<(string Key, AcceptResult Result)>();
        var lastSaved = "";
        var hostWork = Task.Run(async () =>
        {
            var drafts = new DraftStore(host);
            for (var i = 0; !serving.IsCancellationRequested || i < 3; i++)
            {
                submittedDuring.AddRange(await SubmitAsync(host, $"waehrend-{i}", 1));
                lastSaved = $$"""{"name":"Ayşe Yılmaz","runde":{{i}}}""";
                (await drafts.SaveAsync(draftId, draftSecret, lastSaved)).ShouldBeTrue();
            }
        });
        var rotated = await new DataKeyRotation(rotator, DataKeyColumns.All).RotateAsync(batchSize: 2);
        serving.Cancel();
        await hostWork;
        rotated.Sum(r => r.Reencrypted).ShouldBeGreaterThan(6 * 3);

        var after = await OpenAllAsync(KeyB);
        var submittedAfter = await SubmitAsync(after, "nachher", 2);
        (await RemainingAsync(after)).Keys.ShouldBe([IdOf(KeyB)]);
        var store = new SubmissionStore(after);
        foreach (var (_, result) in submittedBefore.Concat(submittedDuring).Concat(submittedAfter))
            (await store.ReadAnswersAsync(result.Submission.Id)).ShouldBe(Samples.AnswersJson);
        foreach (var (key, result) in submittedBefore)
            (await store.AcceptAsync(Samples.Submission(key), OneDestination)).StatusSecret.ShouldBe(result.StatusSecret);
        (await new DraftStore(after).LoadAsync(draftId, draftSecret))!.Value.AnswersJson.ShouldBe(lastSaved);
        new SharedSecrets(await OperationsDatabase.OpenAsync(after)).GetOrCreate("case-api-signing", () => "another").ShouldBe(apiKey);
        await using (var operations = (await OperationsDatabase.OpenAsync(after)).CreateContext())
            KeyRingDecryptor.DecryptAll((await operations.DataProtectionKeys.SingleAsync()).Xml!, after.Protector).ShouldBe(1);
        keyRingXml.ShouldNotBeNull();
        after.Protector.SearchToken("inbox-name-search", "yilmaz").ShouldBe(tokenBefore);
    }

    [SkippableFact]
    public async Task A_value_a_host_changes_while_the_rotation_holds_it_keeps_the_hosts_version()
    {
        var before = await OpenAllAsync(KeyA);
        var (draftId, secret) = await new DraftStore(before).CreateAsync("nrw", "buergergeld", "1.0.0", "hash", """{"name":"alt"}""");
        var host = await OpenAllAsync(KeyB, KeyA);
        // Between the rotation's read of the draft and its write, the citizen saves the draft on a serving host.
        var citizenSaves = new BeforeFirstCommand("UPDATE \"drafts\"", () => new DraftStore(host).SaveAsync(draftId, secret, """{"name":"neu"}"""));
        var rotator = await OpenAsync(KeyB, [KeyA], [citizenSaves]);
        await DataKeyColumns.MigrateAreasAsync(rotator);

        var rotated = await new DataKeyRotation(rotator, DataKeyColumns.All).RotateAsync(batchSize: 10);

        citizenSaves.Fired.ShouldBeTrue();
        rotated.Single(r => r.Column.Table == "drafts").ChangedMeanwhile.ShouldBe(1);
        (await new DraftStore(await OpenAllAsync(KeyB)).LoadAsync(draftId, secret))!.Value.AnswersJson.ShouldBe("""{"name":"neu"}""");
        (await RemainingAsync(rotator)).Keys.ShouldBe([IdOf(KeyB)]);
    }

    /// <summary>Runs an action once, just before the first command whose text starts with the given text.</summary>
    private sealed class BeforeFirstCommand(string start, Func<Task> action) : DbCommandInterceptor
    {
        public bool Fired { get; private set; }

        public override async ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            if (!Fired && command.CommandText.StartsWith(start, StringComparison.Ordinal))
            {
                Fired = true;
                await action();
            }

            return result;
        }
    }

    [SkippableFact]
    public async Task A_rotation_stopped_half_way_resumes_where_it_stopped_when_run_again()
    {
        var before = await OpenAllAsync(KeyA);
        var submitted = await SubmitAsync(before, "vorher", 8);
        var rotator = await OpenAllAsync(KeyB, KeyA);
        using var kill = new CancellationTokenSource();

        await Should.ThrowAsync<OperationCanceledException>(() =>
            new DataKeyRotation(rotator, DataKeyColumns.All).RotateAsync(batchSize: 3, _ => kill.Cancel(), kill.Token));
        var halfWay = await RemainingAsync(rotator);
        halfWay[IdOf(KeyA)].ShouldBeGreaterThan(0);
        halfWay[IdOf(KeyB)].ShouldBeGreaterThan(0);

        var again = await new DataKeyRotation(await OpenAllAsync(KeyB, KeyA), DataKeyColumns.All).RotateAsync(batchSize: 3);

        again.Sum(r => r.Reencrypted).ShouldBe(halfWay[IdOf(KeyA)]);
        (await RemainingAsync(rotator)).Keys.ShouldBe([IdOf(KeyB)]);
        var store = new SubmissionStore(await OpenAllAsync(KeyB));
        foreach (var (_, result) in submitted)
            (await store.ReadAnswersAsync(result.Submission.Id)).ShouldBe(Samples.AnswersJson);
    }

    [SkippableFact]
    public async Task Two_rotations_at_once_reencrypt_each_value_once_and_corrupt_nothing()
    {
        var before = await OpenAllAsync(KeyA);
        var submitted = await SubmitAsync(before, "vorher", 12);
        var underA = (await RemainingAsync(before))[IdOf(KeyA)];
        var (first, second) = (await OpenAllAsync(KeyB, KeyA), await OpenAllAsync(KeyB, KeyA));

        var results = await Task.WhenAll(
            Task.Run(() => new DataKeyRotation(first, DataKeyColumns.All).RotateAsync(batchSize: 2)),
            Task.Run(() => new DataKeyRotation(second, DataKeyColumns.All).RotateAsync(batchSize: 2)));

        results.SelectMany(r => r).Sum(r => r.Reencrypted).ShouldBe(underA);
        (await RemainingAsync(first)).ShouldBe(new Dictionary<string, long> { [IdOf(KeyB)] = underA });
        var store = new SubmissionStore(await OpenAllAsync(KeyB));
        foreach (var (_, result) in submitted)
            (await store.ReadAnswersAsync(result.Submission.Id)).ShouldBe(Samples.AnswersJson);
    }

    [SkippableFact]
    public async Task A_host_without_the_key_the_database_is_under_refuses_to_start_naming_the_key_id()
    {
        await SubmitAsync(await OpenAllAsync(KeyA), "vorher", 1);

        var error = await Should.ThrowAsync<StorageConfigurationException>(() => OpenAsync(KeyB));

        error.Message.ShouldContain(IdOf(KeyA));
        error.Message.ShouldNotContain(KeyA);
        error.Message.ShouldNotContain(KeyB);
    }

    [SkippableFact]
    public async Task A_rotation_missing_a_key_that_values_are_under_refuses_and_changes_nothing()
    {
        var before = await OpenAllAsync(KeyA);
        await SubmitAsync(before, "vorher", 3);
        // Only the index root moves to B; the submissions stay under A.
        var indexOnly = DataKeyColumns.All.Where(c => c.Table == "index_roots").ToList();
        await new DataKeyRotation(await OpenAllAsync(KeyB, KeyA), indexOnly).RotateAsync(batchSize: 10);
        var withoutA = await OpenAllAsync(KeyC, KeyB);
        var snapshot = await AnswersAsync(withoutA);

        var error = await Should.ThrowAsync<StorageConfigurationException>(() => new DataKeyRotation(withoutA, DataKeyColumns.All).RotateAsync(batchSize: 10));

        error.Message.ShouldContain(IdOf(KeyA));
        error.Message.ShouldContain("platform submissions.AnswersCipher");
        error.Message.ShouldContain("Nothing was changed");
        (await AnswersAsync(withoutA)).ShouldBe(snapshot);
        (await RemainingAsync(withoutA))[IdOf(KeyB)].ShouldBe(1);
    }

    private static async Task<List<string>> AnswersAsync(SozialDatabase database)
    {
        await using var context = database.CreateContext();
        return [.. (await context.Submissions.OrderBy(s => s.Id).Select(s => s.AnswersCipher).ToListAsync()).Select(Convert.ToBase64String)];
    }

    private static async Task<string> AddKeyRingEntryAsync(SozialDatabase database)
    {
        var encrypted = new KeyRingEncryptor(database.Protector).Encrypt(new System.Xml.Linq.XElement("masterKey", "cookie-schluessel"));
        var xml = new System.Xml.Linq.XElement("key", new System.Xml.Linq.XElement("encryptedSecret", encrypted.EncryptedElement)).ToString();
        await using var context = (await OperationsDatabase.OpenAsync(database)).CreateContext();
        context.DataProtectionKeys.Add(new DataProtectionKey { FriendlyName = "key-1", Xml = xml });
        await context.SaveChangesAsync();
        return xml;
    }

    /// <summary>Turns one submission's answers into the layout of the version before key ids (as an old database has them).</summary>
    private static async Task WriteLegacyAnswersAsync(SozialDatabase database, Guid submissionId)
    {
        await using var context = database.CreateContext();
        var submission = await context.Submissions.SingleAsync(s => s.Id == submissionId);
        submission.AnswersCipher = DataKeyRingTests.LegacyCipher(Convert.FromBase64String(KeyA), Samples.AnswersJson, submissionId);
        await context.SaveChangesAsync();
    }
}

public sealed class DataKeyRotationSqliteTests : DataKeyRotationTests, IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("sozial-rotation-").FullName;

    protected override Task<SozialDatabase> OpenAsync(string current, string[] retired, IInterceptor[] interceptors) =>
        SozialDatabase.OpenAsync(new StorageOptions { DataDirectory = _folder, EncryptionKey = current, RetiredEncryptionKeys = retired }, default, interceptors);

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }
}

public sealed class DataKeyRotationPostgresTests : DataKeyRotationTests, IAsyncLifetime
{
    private readonly string _name = $"sozial_rotation_{Guid.NewGuid():N}";
    private static readonly string? Server = Environment.GetEnvironmentVariable("SOZIAL_TEST_POSTGRES");

    protected override Task<SozialDatabase> OpenAsync(string current, string[] retired, IInterceptor[] interceptors)
    {
        PostgresTarget.RequireServer();
        return SozialDatabase.OpenAsync(new StorageOptions
        {
            Provider = StorageProvider.Postgres,
            ConnectionString = new NpgsqlConnectionStringBuilder(Server) { Database = _name }.ConnectionString,
            EncryptionKey = current,
            RetiredEncryptionKeys = retired,
        }, default, interceptors);
    }

    public async Task InitializeAsync()
    {
        if (string.IsNullOrWhiteSpace(Server)) return;
        await using var connection = new NpgsqlConnection(Server);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE \"{_name}\"", connection);
        await command.ExecuteNonQueryAsync();
    }

    public async Task DisposeAsync()
    {
        if (string.IsNullOrWhiteSpace(Server)) return;
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(Server);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_name}\" WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }
}
