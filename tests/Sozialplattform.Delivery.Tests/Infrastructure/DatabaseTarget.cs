using Microsoft.EntityFrameworkCore.Diagnostics;
using Sozialplattform.Storage.Database;

namespace Sozialplattform.Delivery.Tests.Infrastructure;

/// <summary>A real database the storage and delivery tests run against; each test asks for an empty one.</summary>
public abstract class DatabaseTarget
{
    public abstract StorageProvider Provider { get; }

    /// <summary>An empty, migrated database (skipped or failed with a clear message when the server is not there).</summary>
    public abstract Task<SozialDatabase> FreshAsync(params IInterceptor[] interceptors);

    public override string ToString() => Provider.ToString();
}
