using Microsoft.EntityFrameworkCore.Diagnostics;
using Sozialplattform.Storage.Database;

namespace Sozialplattform.Delivery.Tests.Infrastructure;

/// <summary>A real SQLite file per test, in a temporary folder deleted with the fixture.</summary>
public sealed class SqliteTarget : DatabaseTarget, IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("sozial-sqlite-").FullName;

    public override StorageProvider Provider => StorageProvider.Sqlite;

    public override Task<SozialDatabase> FreshAsync(params IInterceptor[] interceptors) =>
        SozialDatabase.OpenAsync(new StorageOptions { DataDirectory = Path.Combine(_folder, Guid.NewGuid().ToString("N")) }, default, interceptors);

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }
}
