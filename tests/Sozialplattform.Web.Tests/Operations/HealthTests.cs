using System.Net;
using Microsoft.AspNetCore.Hosting;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Sozialplattform.Web.Tests.Infrastructure;

namespace Sozialplattform.Web.Tests.Operations;

/// <summary>
/// <c>/health/live</c> and <c>/health/ready</c> on one real host (SQLite): ready while everything works; each condition
/// broken on its own makes ready answer 503 naming that check and nothing else, and is repaired afterwards (the tests of
/// this class run one after another on the shared host).
/// </summary>
public sealed class HealthTests(HealthTests.Host host) : IClassFixture<HealthTests.Host>
{
    public sealed class Host : PortalFactory;

    [Fact]
    public async Task A_working_host_is_live_and_ready_with_each_check_named()
    {
        var client = host.CreateClient();

        var live = await client.GetAsync("/health/live");
        var (status, checks) = await ReadyAsync(client);

        live.StatusCode.ShouldBe(HttpStatusCode.OK);
        status.ShouldBe(HttpStatusCode.OK);
        checks.ShouldBe(new Dictionary<string, string> { ["database"] = "Healthy", ["migrations"] = "Healthy", ["key-ring"] = "Healthy", ["catalog"] = "Healthy" });
    }

    [Fact]
    public async Task A_migration_missing_from_the_database_makes_the_host_not_ready_naming_the_migrations()
    {
        var client = host.CreateClient();
        var last = await SqlAsync("""SELECT "MigrationId" FROM "__EFMigrationsHistory" ORDER BY "MigrationId" DESC LIMIT 1""");
        await SqlAsync($"""DELETE FROM "__EFMigrationsHistory" WHERE "MigrationId" = '{last}'""");
        try
        {
            var (status, checks) = await ReadyAsync(client);

            status.ShouldBe(HttpStatusCode.ServiceUnavailable);
            checks["migrations"].ShouldBe("Unhealthy");
            checks["database"].ShouldBe("Healthy");
            (await client.GetAsync("/health/live")).StatusCode.ShouldBe(HttpStatusCode.OK, "the process still answers");
        }
        finally
        {
            await SqlAsync($"""INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion") VALUES ('{last}', '10.0.15')""");
        }

        (await ReadyAsync(client)).Status.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_key_ring_the_data_key_cannot_decrypt_makes_the_host_not_ready_naming_the_key_ring()
    {
        var client = host.CreateClient();
        (await ReadyAsync(client)).Status.ShouldBe(HttpStatusCode.OK);
        // Ciphertext that is still base64 but no longer the one the data key wrote (as when a host has another data key).
        await SqlAsync("""UPDATE data_protection_keys SET "Xml" = replace("Xml", '<platformEncryptedKey xmlns="">', '<platformEncryptedKey xmlns="">AAAA')""");
        try
        {
            var (status, checks) = await ReadyAsync(client);

            status.ShouldBe(HttpStatusCode.ServiceUnavailable);
            checks["key-ring"].ShouldBe("Unhealthy");
            checks["database"].ShouldBe("Healthy");
        }
        finally
        {
            await SqlAsync("""UPDATE data_protection_keys SET "Xml" = replace("Xml", '<platformEncryptedKey xmlns="">AAAA', '<platformEncryptedKey xmlns="">')""");
        }

        (await ReadyAsync(client)).Status.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task The_answers_are_not_cached_and_name_no_path_key_or_exception()
    {
        var response = await host.CreateClient().GetAsync("/health/ready");
        var body = await response.Content.ReadAsStringAsync();

        response.Headers.CacheControl!.NoStore.ShouldBeTrue();
        body.ShouldNotContain(host.Folders.Root);
        body.ShouldNotContain("Exception");
        body.ShouldNotContain("Data Source");
    }

    internal static async Task<(HttpStatusCode Status, Dictionary<string, string> Checks)> ReadyAsync(HttpClient client)
    {
        var response = await client.GetAsync("/health/ready");
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var checks = json.RootElement.GetProperty("checks").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetProperty("status").GetString()!);
        return (response.StatusCode, checks);
    }

    private async Task<string?> SqlAsync(string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={host.Folders.Database};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (await command.ExecuteScalarAsync())?.ToString();
    }
}

/// <summary>A database the host cannot reach (PostgreSQL refusing connections) makes it not ready, and the answer gives away nothing of the connection.</summary>
public sealed class DatabaseHealthTests(PostgresPortals portals) : IClassFixture<PostgresPortals>
{
    [SkippableFact]
    public async Task An_unreachable_database_makes_ready_answer_503_naming_the_database_without_connection_details()
    {
        var client = portals.Host().CreateClient();
        (await HealthTests.ReadyAsync(client)).Status.ShouldBe(HttpStatusCode.OK);

        await portals.RefuseConnectionsAsync(true);
        try
        {
            var response = await client.GetAsync("/health/ready");
            var body = await response.Content.ReadAsStringAsync();
            var (status, checks) = await HealthTests.ReadyAsync(client);

            response.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
            status.ShouldBe(HttpStatusCode.ServiceUnavailable);
            checks["database"].ShouldBe("Unhealthy");
            checks["catalog"].ShouldBe("Healthy");
            body.ShouldContain("Postgres cannot be reached");
            foreach (var secret in new[] { "Password", "sozial_ops_", "127.0.0.1", "5432", PostgresPortals.DataKey, "Exception" }) body.ShouldNotContain(secret);
            (await client.GetAsync("/health/live")).StatusCode.ShouldBe(HttpStatusCode.OK);
        }
        finally
        {
            await portals.RefuseConnectionsAsync(false);
        }

        (await HealthTests.ReadyAsync(client)).Status.ShouldBe(HttpStatusCode.OK);
    }
}

/// <summary>
/// A host whose catalog roots hold no catalog (a wrong path in <c>Sozialplattform:Portal:CatalogRoots</c>) starts, answers
/// live, and is not ready naming the catalog — a load balancer sends no citizen to a portal that offers no service.
/// </summary>
public sealed class EmptyCatalogHealthTests(EmptyCatalogHealthTests.Host host) : IClassFixture<EmptyCatalogHealthTests.Host>
{
    public sealed class Host : PortalFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            var nowhere = Path.Combine(Folders.Root, "no-catalog-here");
            builder.UseSetting("Sozialplattform:Portal:CatalogRoots:0", nowhere);
            builder.UseSetting("Sozialplattform:Portal:CatalogRoots:1", nowhere);
        }
    }

    [Fact]
    public async Task A_host_whose_catalog_offers_no_service_is_live_but_not_ready_naming_the_catalog()
    {
        var client = host.CreateClient();

        var (status, checks) = await HealthTests.ReadyAsync(client);

        (await client.GetAsync("/health/live")).StatusCode.ShouldBe(HttpStatusCode.OK);
        status.ShouldBe(HttpStatusCode.ServiceUnavailable);
        checks.ShouldBe(new Dictionary<string, string> { ["database"] = "Healthy", ["migrations"] = "Healthy", ["key-ring"] = "Healthy", ["catalog"] = "Unhealthy" });
    }
}
