using System.Net;
using Microsoft.Data.Sqlite;
using Sozialplattform.Web.Tests.Infrastructure;

namespace Sozialplattform.Web.Tests.Operations;

/// <summary>
/// Every host reads the same Data Protection key ring from the database: a browser's antiforgery cookie and token from
/// one host are accepted by another (no sticky sessions needed), and the keys are stored encrypted with the data key.
/// </summary>
public sealed class SharedKeyRingTests(PostgresPortals portals) : IClassFixture<PostgresPortals>
{
    [SkippableFact]
    public async Task An_antiforgery_cookie_and_token_issued_by_one_host_are_accepted_by_another_host_on_the_same_database()
    {
        var (hostA, hostB) = (portals.Host(), portals.Host());
        var browser = SharedBrowser.Clients(hostA, hostB);

        var service = await browser[0].GetAsync("/de/leistungen/haushalt");
        var place = await browser[1].SubmitAsync(service, "/starten");
        var chosen = await browser[0].SubmitAsync(place, "/ort/waehlen", new Dictionary<string, string?> { ["ort"] = "12345" });

        service.Status.ShouldBe(HttpStatusCode.OK);
        place.Status.ShouldBe(HttpStatusCode.OK, place.Html);
        chosen.Status.ShouldBe(HttpStatusCode.OK, chosen.Html);
        chosen.Html.ShouldContain("Sozialamt Teststadt");

        // The control: a host with its own key ring (its own database) refuses the same browser's form.
        using var elsewhere = new PortalFactory();
        var refused = await SharedBrowser.Clients(hostA, elsewhere)[1].SubmitAsync(service, "/starten");
        refused.Status.ShouldBe(HttpStatusCode.BadRequest);
    }

    [SkippableFact]
    public async Task The_key_ring_in_the_database_is_encrypted_with_the_data_key_and_not_readable_as_plain_xml()
    {
        var host = portals.Host();
        (await host.CreateClient().GetAsync("/de/leistungen/haushalt")).EnsureSuccessStatusCode();

        var xml = await portals.ScalarAsync<string>("""SELECT string_agg("Xml", '') FROM data_protection_keys""");

        xml.ShouldNotBeNull();
        xml.ShouldContain("platformEncryptedKey");
        xml.ShouldNotContain("<masterKey");
        xml.ShouldNotContain("<value>");
    }

    [Fact]
    public async Task On_SQLite_the_key_ring_is_in_the_database_file_and_the_data_folder_holds_no_keys()
    {
        using var host = new PortalFactory();
        (await host.CreateClient().GetAsync("/de/leistungen/haushalt")).EnsureSuccessStatusCode();

        await using var connection = new SqliteConnection($"Data Source={host.Folders.Database}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = """SELECT group_concat("Xml", '') FROM data_protection_keys""";
        var xml = (string?)await command.ExecuteScalarAsync();

        xml.ShouldNotBeNull();
        xml.ShouldContain("platformEncryptedKey");
        xml.ShouldNotContain("<masterKey");
        Directory.Exists(Path.Combine(host.Folders.Data, "keys")).ShouldBeFalse();
    }
}
