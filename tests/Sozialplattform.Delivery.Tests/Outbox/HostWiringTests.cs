using Microsoft.Extensions.DependencyInjection;
using Sozialplattform.Delivery.Channels;
using Sozialplattform.Delivery.Outbox;
using Sozialplattform.Delivery.Tenants;
using Sozialplattform.Delivery.Tests.Infrastructure;
using Sozialplattform.Storage.Database;

namespace Sozialplattform.Delivery.Tests.Outbox;

/// <summary>What a host does on start: register, load tenants and postal codes, run the dispatcher as a hosted service.</summary>
public sealed class HostWiringTests
{
    [Fact]
    public async Task A_host_without_postal_code_data_starts_and_says_that_only_ranges_work()
    {
        await using var file = new SqliteFile();
        var database = await file.OpenAsync();
        var options = new DeliveryOptions { TenantsFolder = RepositoryPaths.Tenants, Geo = new() { CsvPath = "" } };

        var messages = await DeliveryStartup.InitializeAsync(database, options, BuiltInChannels.Registry(database));

        messages[0].ShouldBe($"Tenants loaded from {RepositoryPaths.Tenants}: hessen-beispiel (29 authorities), nrw (703 authorities)");
        messages[1].ShouldStartWith("No postal-code data configured (Geo:CsvPath is empty): postal codes resolve only through postal-code ranges in the tenant configuration.");
    }

    [SkippableFact]
    public async Task A_host_with_the_default_postal_code_file_imports_it_once_and_credits_GeoNames()
    {
        var csv = RepositoryPaths.RequireShared("data", "geo", "zipcodes.de.csv");
        await using var file = new SqliteFile();
        var database = await file.OpenAsync();
        var options = new DeliveryOptions { TenantsFolder = RepositoryPaths.Tenants, Geo = new() { CsvPath = csv } };

        (await DeliveryStartup.InitializeAsync(database, options, BuiltInChannels.Registry(database)))[1].ShouldEndWith("imported (10813 postal codes; GeoNames, CC BY 4.0)");
        (await DeliveryStartup.InitializeAsync(database, options, BuiltInChannels.Registry(database)))[1].ShouldContain("unchanged since the last import");
    }

    [Fact]
    public async Task A_host_refuses_to_start_with_a_broken_tenant_configuration()
    {
        await using var file = new SqliteFile();
        var database = await file.OpenAsync();
        using var tenants = new TenantFolder(routing: TenantFolder.RoutingJson.Replace("jobcenter-a", "nobody"));

        var error = await Should.ThrowAsync<TenantConfigurationException>(() =>
            DeliveryStartup.InitializeAsync(database, new DeliveryOptions { TenantsFolder = tenants.TenantsRoot }, BuiltInChannels.Registry(database)));
        error.Message.ShouldContain("tenants/probe/routing.json: assignments[0]: unknown authority 'nobody'");
    }

    [Fact]
    public async Task The_service_registration_builds_a_dispatcher_with_every_built_in_channel()
    {
        await using var file = new SqliteFile();
        var database = await file.OpenAsync();
        var services = new ServiceCollection().AddSingleton(database).AddSingleton<IAnswersSchemaSource>(new FixedAnswersSchemaSource());
        services.AddSozialDelivery(new DeliveryOptions());
        await using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });

        provider.GetRequiredService<ChannelRegistry>().Types.Order().ShouldBe(["demo", "email", "failing-demo", "fitconnect", "inbox", "xta"]);
        (await provider.GetRequiredService<OutboxDispatcher>().RunOnceAsync()).Claimed.ShouldBe(0);
    }
}
