using System.Reflection;
using Sozialplattform.Cli;
using Sozialplattform.Delivery.Tests.Infrastructure;
using Sozialplattform.Storage.Crypto;
using Sozialplattform.Storage.Database;
using Sozialplattform.Storage.Submissions;

namespace Sozialplattform.Delivery.Tests.DataKeys;

/// <summary><c>sozial data-key new|status|rotate</c> on a data folder: the operator's steps of docs/OPERATIONS.md.</summary>
public sealed class DataKeyCommandTests : IDisposable
{
    private readonly string _data = Directory.CreateTempSubdirectory("sozial-data-key-").FullName;

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_data, recursive: true); } catch (IOException) { }
    }

    private static (int Exit, string Out, string Error) Run(params string[] args)
    {
        var (output, error) = (new StringWriter(), new StringWriter());
        var exit = CliApp.Run(args, output, error, RepositoryPaths.Root);
        return (exit, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task Status_counts_values_under_the_old_key_rotate_moves_them_and_then_the_old_key_is_no_longer_needed()
    {
        var first = await SozialDatabase.OpenAsync(new StorageOptions { DataDirectory = _data });
        await new SubmissionStore(first).AcceptAsync(Samples.Submission("k-1"), [new("jobcenter-borken", "inbox")]);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        var oldId = new DataKey(Convert.FromBase64String(File.ReadAllText(Path.Combine(_data, "data.key")).Trim())).IdText;
        File.Move(Path.Combine(_data, "data.key"), Path.Combine(_data, "old.key"));
        var fresh = Run("data-key", "new");
        File.WriteAllText(Path.Combine(_data, "data.key"), fresh.Out.Split('\n')[0]);
        var newId = fresh.Out.Split('\n')[1].Trim()["id ".Length..];

        var before = Run("data-key", "status", "--data", _data, "--retired-key-file", Path.Combine(_data, "old.key"));
        var rotate = Run("data-key", "rotate", "--data", _data, "--retired-key-file", Path.Combine(_data, "old.key"));
        var after = Run("data-key", "status", "--data", _data);

        before.Exit.ShouldBe(1, before.Error);
        before.Out.ShouldContain($"platform submissions.AnswersCipher: {oldId} 1");
        before.Out.ShouldContain($"values not under the current key {newId}: {oldId} ");
        rotate.Exit.ShouldBe(0, rotate.Error);
        rotate.Out.ShouldContain("platform submissions.AnswersCipher: 1 re-encrypted");
        after.Exit.ShouldBe(0, after.Error);
        after.Out.ShouldContain($"every value is under the current key {newId}: retired keys are no longer needed");
        after.Out.ShouldNotContain(oldId);
    }

    [Fact]
    public void Without_the_old_key_the_commands_refuse_naming_its_id_and_never_a_key()
    {
        Run("data-key", "status", "--data", _data).Exit.ShouldBe(0);
        var oldKey = File.ReadAllText(Path.Combine(_data, "data.key")).Trim();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.WriteAllText(Path.Combine(_data, "data.key"), Run("data-key", "new").Out.Split('\n')[0]);

        var (exit, output, error) = Run("data-key", "rotate", "--data", _data);

        exit.ShouldBe(2);
        error.ShouldContain(new DataKey(Convert.FromBase64String(oldKey)).IdText);
        (output + error).ShouldNotContain(oldKey);
    }

    [Fact]
    public async Task A_rotate_process_killed_half_way_leaves_every_value_readable_and_the_next_run_finishes()
    {
        var store = new SubmissionStore(await SozialDatabase.OpenAsync(new StorageOptions { DataDirectory = _data }));
        var accepted = new List<Guid>();
        // Uploads of 2 MB make each re-encryption take a while, so the process is surely killed before it is done.
        for (var i = 0; i < 60; i++)
            accepted.Add((await store.AcceptAsync(Samples.Submission($"k-{i}") with
            {
                Attachments = [new NewAttachment("nachweise.scan", "scan.pdf", "application/pdf", System.Security.Cryptography.RandomNumberGenerator.GetBytes(2_000_000))],
            }, [new("jobcenter-borken", "inbox")])).Submission.Id);
        var (oldKey, newKey) = (File.ReadAllText(Path.Combine(_data, "data.key")).Trim(), Run("data-key", "new").Out.Split('\n')[0]);
        File.Move(Path.Combine(_data, "data.key"), Path.Combine(_data, "old.key"));
        File.WriteAllText(Path.Combine(_data, "data.key"), newKey);
        var options = new StorageOptions { DataDirectory = _data, RetiredKeyFiles = ["old.key"] };
        var observed = await SozialDatabase.OpenAsync(options);
        await Sozialplattform.Cli.Commands.DataKeyColumns.MigrateAreasAsync(observed);
        var observer = new Sozialplattform.Storage.Crypto.Rotation.DataKeyRotation(observed, Sozialplattform.Cli.Commands.DataKeyColumns.All);
        var (oldId, newId) = (IdOf(oldKey), IdOf(newKey));

        using var rotate = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("dotnet",
            [CliAssembly, "data-key", "rotate", "--data", _data, "--retired-key-file", Path.Combine(_data, "old.key"), "--batch", "1"])
        { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var deadline = DateTime.UtcNow.AddMinutes(2);
        Dictionary<string, long> seen;
        do
        {
            await Task.Delay(10);
            seen = await CountsAsync(observer);
        }
        while (seen.GetValueOrDefault(newId) < 1 && !rotate.HasExited && DateTime.UtcNow < deadline);
        rotate.Kill(entireProcessTree: true);
        await rotate.WaitForExitAsync();

        var halfWay = await CountsAsync(observer);
        var said = rotate.HasExited && rotate.ExitCode != 137 && rotate.ExitCode != -1 ? await rotate.StandardError.ReadToEndAsync() : "";
        halfWay.GetValueOrDefault(oldId).ShouldBeGreaterThan(0, $"killed before it was done {said}");
        halfWay.GetValueOrDefault(newId).ShouldBeGreaterThan(0, $"killed after it had begun {said}");
        var readable = new SubmissionStore(await SozialDatabase.OpenAsync(options));
        foreach (var id in accepted) (await readable.ReadAnswersAsync(id)).ShouldBe(Samples.AnswersJson);

        var again = Run("data-key", "rotate", "--data", _data, "--retired-key-file", Path.Combine(_data, "old.key"));

        again.Exit.ShouldBe(0, again.Error);
        (await CountsAsync(observer)).Keys.ShouldBe([newId]);
        File.Delete(Path.Combine(_data, "old.key"));
        var onlyNew = new SubmissionStore(await SozialDatabase.OpenAsync(new StorageOptions { DataDirectory = _data }));
        foreach (var id in accepted) (await onlyNew.ReadAnswersAsync(id)).ShouldBe(Samples.AnswersJson);
    }

    /// <summary>The command line from its own build output (its dependencies beside it), as an operator runs it.</summary>
    private static string CliAssembly => Path.Combine(RepositoryPaths.Root, "engine", "Sozialplattform.Cli", "bin",
        typeof(DataKeyCommandTests).Assembly.GetCustomAttribute<System.Reflection.AssemblyConfigurationAttribute>()?.Configuration ?? "Debug", "net10.0", "sozial.dll");

    private static string IdOf(string key) => new DataKey(Convert.FromBase64String(key)).IdText;

    private static async Task<Dictionary<string, long>> CountsAsync(Sozialplattform.Storage.Crypto.Rotation.DataKeyRotation rotation) =>
        (await rotation.StatusAsync()).SelectMany(s => s.ByKeyId).GroupBy(k => k.Key).ToDictionary(g => g.Key, g => g.Sum(k => k.Value));

    [Fact]
    public void A_bad_batch_size_or_a_stray_argument_is_refused()
    {
        Run("data-key", "rotate", "--batch", "0", "--data", _data).Exit.ShouldBe(2);
        Run("data-key", "status", "everything", "--data", _data).Exit.ShouldBe(2);
    }
}
