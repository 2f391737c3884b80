using Sozialplattform.Delivery.Channels;
using Sozialplattform.Delivery.Tenants;
using Sozialplattform.Delivery.Tests.Infrastructure;
using Sozialplattform.Storage.Routing;

namespace Sozialplattform.Delivery.Tests.Routing;

public sealed class TenantConfigurationTests
{
    private static readonly ChannelRegistry Channels = TestChannels.All();

    private static IReadOnlyList<string> ProblemsOf(TenantFolder folder) =>
        TenantLoader.ReadAll(folder.TenantsRoot, Channels).Problems.Select(p => p.ToString()).ToList();

    [Fact]
    public void A_valid_tenant_has_no_problems()
    {
        using var folder = new TenantFolder();
        ProblemsOf(folder).ShouldBeEmpty();
    }

    [Fact]
    public void The_shipped_tenants_are_valid()
    {
        var (tenants, problems) = TenantLoader.ReadAll(RepositoryPaths.Tenants, Channels);
        problems.Select(p => p.ToString()).ShouldBeEmpty();
        tenants.Select(t => t.Settings.Id).ShouldBe(["hessen-beispiel", "nrw"]);
    }

    [Fact]
    public void The_services_a_tenant_offers_are_read_from_tenant_json_and_absent_means_all()
    {
        using var listing = new TenantFolder(tenant: TenantFolder.TenantJson.TrimEnd().TrimEnd('}') + ", \"services\": [\"buergergeld\", \"avgs\"] }");
        using var silent = new TenantFolder();

        TenantLoader.ReadAll(listing.TenantsRoot, Channels).Tenants.Single().Settings.Services.ShouldBe(["buergergeld", "avgs"]);
        TenantLoader.ReadAll(silent.TenantsRoot, Channels).Tenants.Single().Settings.Services.ShouldBeNull();
    }

    [Theory]
    [InlineData("[]", "tenants/probe/tenant.json: services: is empty: list the form ids the tenant offers, or leave 'services' out to offer every service")]
    [InlineData("[\"avgs\", \"avgs\"]", "tenants/probe/tenant.json: services[1]: 'avgs' is listed twice")]
    [InlineData("[\"avgs\", 7]", "tenants/probe/tenant.json: services[1]: must be a form id (a non-empty string)")]
    public void A_bad_list_of_offered_services_is_reported_with_its_entry(string services, string problem)
    {
        using var folder = new TenantFolder(tenant: TenantFolder.TenantJson.TrimEnd().TrimEnd('}') + $", \"services\": {services} }}");

        ProblemsOf(folder).ShouldBe([problem]);
    }

    [Fact]
    public void An_assignment_naming_an_unknown_authority_is_reported_with_file_and_entry()
    {
        using var folder = new TenantFolder(routing: TenantFolder.RoutingJson.Replace("\"sozialamt-a\"", "\"sozialamt-x\""));
        ProblemsOf(folder).ShouldBe(["tenants/probe/routing.json: assignments[1]: unknown authority 'sozialamt-x' (not in tenants/probe/authorities.json)"]);
    }

    [Fact]
    public void A_duplicate_authority_id_is_reported()
    {
        using var folder = new TenantFolder(authorities: TenantFolder.AuthoritiesJson.Replace("\"id\": \"sozialamt-a\"", "\"id\": \"jobcenter-a\"").Replace("\"sozialamt-a\"", "\"jobcenter-a\""));
        ProblemsOf(folder).ShouldContain("tenants/probe/authorities.json: authorities[1] 'jobcenter-a': duplicate id 'jobcenter-a'");
    }

    [Theory]
    [InlineData("10999-10000")]
    [InlineData("1000-10999")]
    [InlineData("10000-1099x")]
    public void A_bad_postal_code_range_is_reported(string range)
    {
        using var folder = new TenantFolder(routing: TenantFolder.RoutingJson.Replace("10000-10999", range));
        ProblemsOf(folder).ShouldBe([$"tenants/probe/routing.json: assignments[0]: bad postal-code range '{range}': use '12345' or '12345-12399' with 5-digit codes, the first not above the second"]);
    }

    [Fact]
    public void Malformed_json_is_reported_with_its_line()
    {
        using var folder = new TenantFolder(authorities: TenantFolder.AuthoritiesJson.Replace("\"role\": \"sozialamt\",", "\"role\": \"sozialamt\""));
        var problem = ProblemsOf(folder).ShouldHaveSingleItem();
        problem.ShouldStartWith("tenants/probe/authorities.json: malformed JSON at line 4,");
    }

    [Fact]
    public void Overlapping_postal_code_ranges_for_one_role_are_reported()
    {
        using var folder = new TenantFolder(routing: TenantFolder.RoutingJson.Replace(
            "{ \"role\": \"sozialamt\"", "{ \"role\": \"jobcenter\", \"postalCodes\": [\"10500\"], \"authority\": \"jobcenter-a\" },\n    { \"role\": \"sozialamt\""));
        ProblemsOf(folder).ShouldBe(["tenants/probe/routing.json: assignments[1]: role 'jobcenter': postal codes 10500 overlap 10000-10999 of assignments[0]"]);
    }

    [Fact]
    public void Channel_options_are_checked_by_the_channel()
    {
        using var folder = new TenantFolder(authorities: TenantFolder.AuthoritiesJson.Replace(
            "\"channel\": { \"type\": \"inbox\" }",
            "\"channel\": { \"type\": \"fitconnect\", \"options\": { \"tokenUrl\": \"http://auth.example.org/token\", \"submissionApiUrl\": \"https://api.example.org\", \"clientId\": \"c\", \"clientSecretVariable\": \"S\", \"destinationId\": \"not-a-uuid\", \"schemaUriTemplate\": \"https://schema.example.org/{formId}.json\" } }"));
        ProblemsOf(folder).ShouldBe([
            "tenants/probe/authorities.json: authorities[0] 'jobcenter-a' channel 'fitconnect': tokenUrl: 'http://auth.example.org/token' must use https (plain http is allowed only on loopback)",
            "tenants/probe/authorities.json: authorities[0] 'jobcenter-a' channel 'fitconnect': destinationId: 'not-a-uuid' is not a UUID",
        ]);
    }

    [Fact]
    public void Unknown_channel_types_and_options_are_reported()
    {
        using var folder = new TenantFolder(authorities: TenantFolder.AuthoritiesJson
            .Replace("\"type\": \"inbox\"", "\"type\": \"fax\"")
            .Replace("\"type\": \"demo\", \"options\": {}", "\"type\": \"demo\", \"options\": { \"colour\": \"red\" }"));
        var problems = ProblemsOf(folder);
        problems[0].ShouldStartWith("tenants/probe/authorities.json: authorities[0] 'jobcenter-a': unknown channel type 'fax' (known: demo, email, failing-demo, fitconnect, inbox, xta)");
        problems[1].ShouldStartWith("tenants/probe/authorities.json: authorities[1] 'sozialamt-a' channel 'demo': option 'colour'");
    }

    [Fact]
    public void A_missing_file_and_a_missing_property_are_reported()
    {
        using var folder = new TenantFolder(tenant: """{ "id": "probe" }""");
        File.Delete(Path.Combine(folder.Folder, "routing.json"));
        var problems = ProblemsOf(folder);
        problems.ShouldContain("tenants/probe/tenant.json: 'name' is missing");
        problems.ShouldContain(p => p.StartsWith("tenants/probe/routing.json: file is missing", StringComparison.Ordinal));
    }

    [SkippableFact]
    public async Task A_broken_configuration_leaves_the_stored_routing_untouched()
    {
        await using var sqlite = new SqliteFile();
        var database = await sqlite.OpenAsync();
        using var folder = new TenantFolder();
        var loader = new TenantLoader(new RoutingTableStore(database), Channels);
        await loader.LoadAllAsync(folder.TenantsRoot);

        folder.Write("routing.json", TenantFolder.RoutingJson.Replace("jobcenter-a", "nobody"));
        var error = await Should.ThrowAsync<TenantConfigurationException>(() => loader.LoadAllAsync(folder.TenantsRoot));

        error.Problems.ShouldHaveSingleItem().Entry.ShouldBe("assignments[0]");
        var stored = await new RoutingTableStore(database).LoadTenantAsync("probe");
        stored.Assignments.Select(a => a.AuthorityId).ShouldBe(["jobcenter-a", "sozialamt-a"]);
    }
}
