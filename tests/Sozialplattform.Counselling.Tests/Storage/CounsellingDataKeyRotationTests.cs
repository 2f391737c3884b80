using Microsoft.EntityFrameworkCore.Diagnostics;
using Sozialplattform.Cli.Commands;
using Sozialplattform.Counselling.Conversations;
using Sozialplattform.Counselling.Seekers;
using Sozialplattform.Counselling.Storage;
using Sozialplattform.Counselling.Tests.Infrastructure;
using Sozialplattform.Delivery.Tests.Infrastructure;
using Sozialplattform.Storage.Crypto;
using Sozialplattform.Storage.Crypto.Rotation;
using Sozialplattform.Storage.Database;

namespace Sozialplattform.Counselling.Tests.Storage;

/// <summary>
/// The online counselling through a data-key rotation: the seeker signs in with the same pseudonym (its blind index is
/// unchanged) and reads the conversation (its key re-wrapped under the new data key, the messages untouched) with only
/// the new key configured.
/// </summary>
public sealed class CounsellingDataKeyRotationTests : IDisposable
{
    private static readonly string KeyA = Convert.ToBase64String(Enumerable.Range(0, 32).Select(i => (byte)(i + 3)).ToArray());
    private static readonly string KeyB = Convert.ToBase64String(Enumerable.Range(0, 32).Select(i => (byte)(200 - i)).ToArray());
    private readonly string _folder = Directory.CreateTempSubdirectory("sozial-counselling-rotation-").FullName;

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }

    private sealed class KeyedTarget(string folder, string current, params string[] retired) : DatabaseTarget
    {
        public override StorageProvider Provider => StorageProvider.Sqlite;

        public override Task<SozialDatabase> FreshAsync(params IInterceptor[] interceptors) =>
            SozialDatabase.OpenAsync(new StorageOptions { DataDirectory = folder, EncryptionKey = current, RetiredEncryptionKeys = retired }, default, interceptors);
    }

    [Fact]
    public async Task A_seeker_signs_in_and_reads_the_conversation_after_the_rotation_with_only_the_new_key()
    {
        var before = await CounsellingScenario.CreateAsync(new KeyedTarget(_folder, KeyA));
        var (_, conversationId) = await before.EnquiryAsync("Nachtfalter", "Ich habe Schulden und weiß nicht weiter.");
        await before.Desk.TakeAsync(before.Anna, conversationId);
        await before.Desk.ReplyAsync(before.Anna, conversationId, "Wir helfen Ihnen gern.");

        var rotator = await new KeyedTarget(_folder, KeyB, KeyA).FreshAsync();
        await DataKeyColumns.MigrateAreasAsync(rotator);
        var rotated = await new DataKeyRotation(rotator, DataKeyColumns.All).RotateAsync(batchSize: 10);

        rotated.Single(r => r.Column.Column == "WrappedKey").Reencrypted.ShouldBe(1);
        rotated.Single(r => r.Column.Table == "counselling_seekers" && r.Column.Column == "PseudonymCipher").Reencrypted.ShouldBe(1);
        var after = await CounsellingDatabase.OpenAsync(await new KeyedTarget(_folder, KeyB).FreshAsync());
        var seeker = (await new SeekerAccounts(after).CheckAsync("test", "Nachtfalter", CounsellingScenario.Password)).ShouldNotBeNull();
        var thread = (await new SeekerConversations(new ConversationStore(after)).OpenAsync(seeker, conversationId)).ShouldNotBeNull();
        thread.Messages.Select(m => m.Text).ShouldBe(["Ich habe Schulden und weiß nicht weiter.", "Wir helfen Ihnen gern."]);
        (await new DataKeyRotation(after.Platform, DataKeyColumns.All).StatusAsync()).SelectMany(s => s.ByKeyId.Keys).Distinct()
            .ShouldBe([new DataKey(Convert.FromBase64String(KeyB)).IdText]);
    }
}
