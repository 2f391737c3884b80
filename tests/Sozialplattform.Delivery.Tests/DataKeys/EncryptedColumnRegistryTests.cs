using Microsoft.EntityFrameworkCore;
using Sozialplattform.Appointments.Storage;
using Sozialplattform.Centres.Storage;
using Sozialplattform.Cli.Commands;
using Sozialplattform.Counselling.Storage;
using Sozialplattform.Storage.Database;
using Sozialplattform.Storage.Operations;

namespace Sozialplattform.Delivery.Tests.DataKeys;

/// <summary>
/// The rotation re-encrypts only what the registry names: every binary column of every area's model must be registered
/// as under the data key or named with the reason it is not, and every registered column must exist.
/// </summary>
public sealed class EncryptedColumnRegistryTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("sozial-registry-").FullName;

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }

    private async Task<List<(string Table, string Column)>> BinaryColumnsAsync()
    {
        var platform = await SozialDatabase.OpenAsync(new StorageOptions { DataDirectory = _folder });
        Func<DbContext>[] contexts =
        [
            platform.CreateContext,
            (await OperationsDatabase.OpenAsync(platform)).CreateContext,
            (await CentresDatabase.OpenAsync(platform)).CreateContext,
            (await AppointmentsDatabase.OpenAsync(platform)).CreateContext,
            (await CounsellingDatabase.OpenAsync(platform)).CreateContext,
        ];
        var columns = new List<(string, string)>();
        foreach (var create in contexts)
        {
            using var context = create();
            foreach (var entity in context.Model.GetEntityTypes().Where(e => e.GetTableName() is not null))
                foreach (var property in entity.GetProperties().Where(p => p.ClrType == typeof(byte[])))
                    columns.Add((entity.GetTableName()!, property.GetColumnName()));
        }

        return columns;
    }

    [Fact]
    public async Task Every_binary_column_of_every_area_is_registered_as_under_the_data_key_or_says_why_not()
    {
        var registered = DataKeyColumns.All.Select(c => $"{c.Table}.{c.Column}").ToHashSet();
        var otherwise = DataKeyColumns.Areas.SelectMany(a => a.OtherBinaryColumns.Keys).ToHashSet();

        var forgotten = (await BinaryColumnsAsync()).Select(c => $"{c.Table}.{c.Column}").Where(c => !registered.Contains(c) && !otherwise.Contains(c)).ToList();

        forgotten.ShouldBeEmpty("binary columns neither registered for the data-key rotation nor explained");
    }

    [Fact]
    public async Task Every_registered_column_exists_in_its_areas_model()
    {
        var existing = (await BinaryColumnsAsync()).Select(c => $"{c.Table}.{c.Column}").Append("data_protection_keys.Xml").ToHashSet();

        DataKeyColumns.All.Select(c => $"{c.Table}.{c.Column}").Where(c => !existing.Contains(c)).ShouldBeEmpty();
        DataKeyColumns.Areas.SelectMany(a => a.OtherBinaryColumns.Keys).Where(c => !existing.Contains(c)).ShouldBeEmpty();
    }
}
