using Sozialplattform.Delivery.Tests.Infrastructure;
using Sozialplattform.Storage.Crypto;
using Sozialplattform.Storage.Database;
using Sozialplattform.Storage.Submissions;

namespace Sozialplattform.Delivery.Tests.Storage;

public sealed class StorageOptionsTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("sozial-options-").FullName;

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task The_first_start_creates_a_private_key_file_and_later_starts_read_the_data_with_it()
    {
        var options = new StorageOptions { DataDirectory = _folder };
        var first = await SozialDatabase.OpenAsync(options);
        var accepted = await new SubmissionStore(first).AcceptAsync(Samples.Submission("key-file"), [new Destination("a", "inbox")]);

        var keyFile = Path.Combine(_folder, "data.key");
        if (!OperatingSystem.IsWindows()) File.GetUnixFileMode(keyFile).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        var again = await SozialDatabase.OpenAsync(options);
        (await new SubmissionStore(again).ReadAnswersAsync(accepted.Submission.Id)).ShouldBe(Samples.AnswersJson);
    }

    [Fact]
    public async Task A_different_key_cannot_read_the_data_and_changes_nothing()
    {
        var first = await SozialDatabase.OpenAsync(new StorageOptions { DataDirectory = _folder });
        var accepted = await new SubmissionStore(first).AcceptAsync(Samples.Submission("other-key"), [new Destination("a", "inbox")]);

        // The start already refuses: the database's index root is under the first key, which the error names by its id.
        var firstKeyId = new DataKey(Convert.FromBase64String(File.ReadAllText(Path.Combine(_folder, "data.key")).Trim())).IdText;
        var error = await Should.ThrowAsync<StorageConfigurationException>(() => SozialDatabase.OpenAsync(new StorageOptions { DataDirectory = _folder, EncryptionKey = Convert.ToBase64String(new byte[32]) }));
        error.Message.ShouldContain($"the data key {firstKeyId}, which this host does not have");
        (await new SubmissionStore(first).ReadAnswersAsync(accepted.Submission.Id)).ShouldBe(Samples.AnswersJson);
    }

    [Theory]
    [InlineData("not base64!", "The encryption key in Storage:EncryptionKey is not base64.")]
    [InlineData("AAAA", "The encryption key in Storage:EncryptionKey has 3 bytes; AES-256 needs 32.")]
    public async Task A_bad_configured_key_is_refused_with_a_clear_message(string key, string message)
    {
        var error = await Should.ThrowAsync<StorageConfigurationException>(() => SozialDatabase.OpenAsync(new StorageOptions { DataDirectory = _folder, EncryptionKey = key }));
        error.Message.ShouldBe(message);
    }

    [Fact]
    public async Task A_damaged_key_file_is_named_in_the_error()
    {
        await File.WriteAllTextAsync(Path.Combine(_folder, "data.key"), "dGVzdA==");
        var error = await Should.ThrowAsync<StorageConfigurationException>(() => SozialDatabase.OpenAsync(new StorageOptions { DataDirectory = _folder }));
        error.Message.ShouldBe($"The encryption key in key file {Path.Combine(_folder, "data.key")} has 4 bytes; AES-256 needs 32.");
    }

    [Fact]
    public async Task PostgreSQL_without_a_connection_string_is_refused()
    {
        var error = await Should.ThrowAsync<StorageConfigurationException>(() => SozialDatabase.OpenAsync(new StorageOptions { DataDirectory = _folder, Provider = StorageProvider.Postgres }));
        error.Message.ShouldBe("Storage:Provider is Postgres but Storage:ConnectionString is empty.");
    }
}
