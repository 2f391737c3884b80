using Sozialplattform.Appointments.Storage;
using Sozialplattform.Centres.Storage;
using Sozialplattform.Counselling.Storage;
using Sozialplattform.Storage.Crypto.Rotation;
using Sozialplattform.Storage.Database;
using Sozialplattform.Storage.Operations;

namespace Sozialplattform.Cli.Commands;

/// <summary>
/// The one registry of columns under the data key: every area that keeps data lists its columns here (a new area adds
/// one line). <c>EncryptedColumnRegistryTests</c> compares it with the binary columns of every area's model.
/// </summary>
public static class DataKeyColumns
{
    public static IReadOnlyList<AreaColumns> Areas { get; } =
    [
        PlatformEncryptedColumns.Columns,
        AppointmentsEncryptedColumns.Columns,
        CounsellingEncryptedColumns.Columns,
    ];

    public static IReadOnlyList<EncryptedColumn> All { get; } = [.. Areas.SelectMany(a => a.UnderDataKey)];

    /// <summary>Brings every area's tables to this build's schema, so that each registered column exists.</summary>
    public static async Task MigrateAreasAsync(SozialDatabase platform, CancellationToken cancellationToken = default)
    {
        await OperationsDatabase.OpenAsync(platform, cancellationToken);
        await CentresDatabase.OpenAsync(platform, cancellationToken);
        await AppointmentsDatabase.OpenAsync(platform, cancellationToken);
        await CounsellingDatabase.OpenAsync(platform, cancellationToken);
    }
}
