using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Npgsql;
using Sozialplattform.Web.Tests.Infrastructure;

namespace Sozialplattform.Web.Tests.Operations;

/// <summary>
/// One fresh PostgreSQL database on the server named by SOZIAL_TEST_POSTGRES (see .ci/postgres.sh) and any number of
/// real portal hosts on it, each with its own data folder and the same data key, as several hosts behind a load
/// balancer. Without the variable the tests skip locally and fail on CI (CI=true).
/// </summary>
public sealed class PostgresPortals : IAsyncLifetime
{
    public static readonly string DataKey = Convert.ToBase64String(Enumerable.Range(0, 32).Select(i => (byte)(i * 7)).ToArray());
    private static readonly string? Server = Environment.GetEnvironmentVariable("SOZIAL_TEST_POSTGRES");
    private readonly string _name = $"sozial_ops_{Guid.NewGuid():N}";
    private readonly List<PortalFactory> _hosts = [];
    private bool _created;

    public string ConnectionString => new NpgsqlConnectionStringBuilder(Server) { Database = _name }.ConnectionString;

    public static void RequireServer()
    {
        if (!string.IsNullOrWhiteSpace(Server)) return;
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            throw new InvalidOperationException("CI=true but SOZIAL_TEST_POSTGRES is not set: .ci/run must start PostgreSQL (. .ci/postgres.sh) before the tests.");
        throw new SkipException("PostgreSQL tests need SOZIAL_TEST_POSTGRES (run '. .ci/postgres.sh' from the repository root).");
    }

    /// <summary>A started host on the shared database (hosts start one after another, as a rolling deployment would).</summary>
    public PortalFactory Host(Action<IWebHostBuilder>? configure = null)
    {
        RequireServer();
        var host = new PostgresPortal(ConnectionString, configure);
        _hosts.Add(host);
        _ = host.Server;
        return host;
    }

    /// <summary>Runs SQL on the shared database (to look at or break what the hosts stored).</summary>
    public async Task<T?> ScalarAsync<T>(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        var value = await command.ExecuteScalarAsync();
        return value is null or DBNull ? default : (T)value;
    }

    /// <summary>Makes the database refuse (or accept again) every new connection and ends the open ones: as if its server were gone.</summary>
    public async Task RefuseConnectionsAsync(bool refuse)
    {
        await using var connection = new NpgsqlConnection(Server);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            $"ALTER DATABASE \"{_name}\" WITH ALLOW_CONNECTIONS {(refuse ? "false" : "true")}; " +
            $"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{_name}' AND pid <> pg_backend_pid()", connection);
        await command.ExecuteNonQueryAsync();
        NpgsqlConnection.ClearAllPools();
    }

    public async Task InitializeAsync()
    {
        if (string.IsNullOrWhiteSpace(Server)) return;
        await using var connection = new NpgsqlConnection(Server);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE \"{_name}\"", connection);
        await command.ExecuteNonQueryAsync();
        _created = true;
    }

    public async Task DisposeAsync()
    {
        foreach (var host in _hosts) await host.DisposeAsync();
        if (!_created) return;
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(Server);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_name}\" WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }

    private sealed class PostgresPortal(string connectionString, Action<IWebHostBuilder>? configure) : PortalFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Sozialplattform:Storage:Provider", "Postgres");
            builder.UseSetting("Sozialplattform:Storage:ConnectionString", connectionString);
            builder.UseSetting("Sozialplattform:Storage:EncryptionKey", DataKey);
            configure?.Invoke(builder);
        }
    }
}

/// <summary>Clients of several hosts that share one browser's cookies, as behind a load balancer without sticky sessions.</summary>
public static class SharedBrowser
{
    public static PortalClient[] Clients(params PortalFactory[] hosts)
    {
        var cookies = new System.Net.CookieContainer();
        return [.. hosts.Select(host => new PortalClient(host.CreateDefaultClient(new CookieContainerHandler(cookies))))];
    }
}
