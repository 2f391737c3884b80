using System.Net;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Sozialplattform.Storage.ApiClients;
using Sozialplattform.Web.CaseApi;
using Sozialplattform.Web.Tests.CaseApi;
using Sozialplattform.Web.Tests.Infrastructure;

namespace Sozialplattform.Web.Tests.Operations;

/// <summary>
/// The case API's token keys live in the database, encrypted with the data key: a specialist system's token from one
/// host is accepted by every other host on the same database (a load balancer may send the call anywhere), a host with
/// another database refuses it, and keys an earlier version generated into <c>&lt;data&gt;/api-keys/</c> are taken over.
/// </summary>
public sealed class SharedApiKeysTests(PostgresPortals portals) : IClassFixture<PostgresPortals>
{
    private static void PlainHttp(IWebHostBuilder builder)
    {
        builder.UseSetting("Sozialplattform:Api:RequireHttps", "false");
        TestApiKeys.Unset(builder);
    }

    [SkippableFact]
    public async Task A_token_issued_by_one_host_is_accepted_by_another_host_on_the_same_database_and_refused_by_a_host_elsewhere()
    {
        var (hostA, hostB) = (portals.Host(PlainHttp), portals.Host(PlainHttp));
        var client = await AddClientAsync(hostA);
        using var atA = new FachverfahrenClient(hostA.CreateClient(), client.Client.ClientId, client.Secret);
        (await atA.RequestTokenAsync("cases.read")).Status.ShouldBe(HttpStatusCode.OK);

        using var atB = new FachverfahrenClient(hostB.CreateClient(), client.Client.ClientId, client.Secret);
        atB.Use(atA.AccessToken);
        (await atB.ListAsync()).Status.ShouldBe(HttpStatusCode.OK);

        using var elsewhere = new PlainHttpPortal();
        using var atElsewhere = new FachverfahrenClient(elsewhere.CreateClient(), client.Client.ClientId, client.Secret);
        atElsewhere.Use(atA.AccessToken);
        (await atElsewhere.ListAsync()).Status.ShouldBe(HttpStatusCode.Unauthorized, "another database has other keys");
    }

    [SkippableFact]
    public async Task The_keys_in_the_database_are_encrypted_with_the_data_key()
    {
        var host = portals.Host(PlainHttp);
        _ = host.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<OpenIddict.Server.OpenIddictServerOptions>>().Value;

        var names = await portals.ScalarAsync<string>("""SELECT string_agg("Name", ',' ORDER BY "Name") FROM shared_secrets""");
        var stored = await portals.ScalarAsync<byte[]>($"""SELECT "Value" FROM shared_secrets WHERE "Name" = '{CaseApiKeys.SigningSecret}'""");

        names.ShouldBe($"{CaseApiKeys.EncryptionSecret},{CaseApiKeys.SigningSecret}");
        System.Text.Encoding.UTF8.GetString(stored!).ShouldNotContain("PRIVATE KEY");
    }

    [Fact]
    public async Task Keys_an_earlier_version_generated_into_the_data_folder_are_taken_over_into_the_database()
    {
        using var host = new PlainHttpPortal();
        var folder = Path.Combine(host.Folders.Data, "api-keys");
        Directory.CreateDirectory(folder);
        using var rsa = RSA.Create(2048);
        var pem = rsa.ExportRSAPrivateKeyPem();
        var encryption = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        await File.WriteAllTextAsync(Path.Combine(folder, "signing.pem"), pem);
        await File.WriteAllTextAsync(Path.Combine(folder, "encryption.key"), encryption);

        var client = await AddClientAsync(host);
        using var api = new FachverfahrenClient(host.CreateClient(), client.Client.ClientId, client.Secret);
        (await api.RequestTokenAsync("cases.read")).Status.ShouldBe(HttpStatusCode.OK);

        var secrets = host.Services.GetRequiredService<Sozialplattform.Storage.Operations.SharedSecrets>();
        secrets.GetOrCreate(CaseApiKeys.SigningSecret, () => throw new InvalidOperationException("must exist")).ShouldBe(pem);
        secrets.GetOrCreate(CaseApiKeys.EncryptionSecret, () => throw new InvalidOperationException("must exist")).ShouldBe(encryption);
        await using var connection = new SqliteConnection($"Data Source={host.Folders.Database};Pooling=False");
        await connection.OpenAsync();
        await using var count = connection.CreateCommand();
        count.CommandText = "SELECT count(*) FROM shared_secrets";
        ((long)(await count.ExecuteScalarAsync())!).ShouldBe(2);
    }

    private static async Task<NewApiClient> AddClientAsync(PortalFactory host)
    {
        using var scope = host.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<ApiClientRegistry>().AddAsync("test", "sozialamt-test", null, null);
    }

    private sealed class PlainHttpPortal : PortalFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            PlainHttp(builder);
        }
    }
}
