using Microsoft.EntityFrameworkCore.Diagnostics;
using Sozialplattform.Appointments.Booking;
using Sozialplattform.Appointments.Storage;
using Sozialplattform.Appointments.Tests.Infrastructure;
using Sozialplattform.Cli.Commands;
using Sozialplattform.Delivery.Tests.Infrastructure;
using Sozialplattform.Storage.Crypto;
using Sozialplattform.Storage.Crypto.Rotation;
using Sozialplattform.Storage.Database;
using static Sozialplattform.Appointments.Tests.Infrastructure.BookingScenario;
using static Sozialplattform.Appointments.Tests.Infrastructure.TestSchedules;

namespace Sozialplattform.Appointments.Tests.Storage;

/// <summary>
/// A booking made while signed in, through a data-key rotation: afterwards, with only the new key, "Mein Konto" still
/// finds it by the owner's token (unchanged) and shows what was entered (re-encrypted).
/// </summary>
public sealed class BookingDataKeyRotationTests : IDisposable
{
    private static readonly string KeyA = Convert.ToBase64String(Enumerable.Range(0, 32).Select(i => (byte)(i + 9)).ToArray());
    private static readonly string KeyB = Convert.ToBase64String(Enumerable.Range(0, 32).Select(i => (byte)(190 - i)).ToArray());
    private readonly string _folder = Directory.CreateTempSubdirectory("sozial-booking-rotation-").FullName;

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
    public async Task A_booking_made_under_the_old_key_is_found_and_read_in_the_owners_account_with_only_the_new_key()
    {
        var before = await CreateAsync(new KeyedTarget(_folder, KeyA));
        var outcome = await before.Store.BookAsync(new BookingRequest(before.TypeId, Anna, MondayTen, "Kim Sommer", "kim@example.org", "de", OwnerPseudonym: "konto-4711"));
        outcome.ShouldBeOfType<Held>("with an e-mail address the booking waits for its confirmation; the account shows it meanwhile");

        var rotator = await new KeyedTarget(_folder, KeyB, KeyA).FreshAsync();
        await DataKeyColumns.MigrateAreasAsync(rotator);
        var rotated = await new DataKeyRotation(rotator, DataKeyColumns.All).RotateAsync(batchSize: 10);

        rotated.Where(r => r.Column.Table == "appointment_bookings").Sum(r => r.Reencrypted).ShouldBe(2);
        var after = await AppointmentsDatabase.OpenAsync(await new KeyedTarget(_folder, KeyB).FreshAsync());
        var store = new BookingStore(after, new AppointmentSetup(after), new BookingOptions(), before.Clock);
        var owned = (await store.OwnedAsync("konto-4711", MondayNine)).ShouldHaveSingleItem();
        (owned.Name, owned.Email).ShouldBe(("Kim Sommer", "kim@example.org"));
        (await new DataKeyRotation(after.Platform, DataKeyColumns.All).StatusAsync()).SelectMany(s => s.ByKeyId.Keys).Distinct()
            .ShouldBe([new DataKey(Convert.FromBase64String(KeyB)).IdText]);
    }
}
