using Sozialplattform.Storage.Database;

namespace Sozialplattform.Delivery.Tests.Infrastructure;

/// <summary>One real SQLite database file in a temporary folder, for tests that need just one.</summary>
public sealed class SqliteFile : IAsyncDisposable
{
    private readonly SqliteTarget _target = new();

    public Task<SozialDatabase> OpenAsync() => _target.FreshAsync();

    public ValueTask DisposeAsync()
    {
        _target.Dispose();
        return ValueTask.CompletedTask;
    }
}
