using Sozialplattform.Delivery.Channels;
using Sozialplattform.Delivery.Tenants;
using Sozialplattform.Delivery.Tests.Infrastructure;

namespace Sozialplattform.Delivery.Tests.Routing;

/// <summary>A tenant's <c>caseRetention</c> in <c>tenant.json</c>: read per service with a default, absent means never, bad values reported with their place.</summary>
public sealed class CaseRetentionConfigTests
{
    private static readonly ChannelRegistry Channels = TestChannels.All();

    private static TenantFolder With(string retention) =>
        new(tenant: TenantFolder.TenantJson.TrimEnd().TrimEnd('}') + ", \"caseRetention\": " + retention + " }");

    [Fact]
    public void The_periods_are_read_per_service_with_the_default_for_the_others_and_none_without_the_setting()
    {
        using var folder = With("""{ "defaultDays": 3650, "services": { "wohngeld-light": 1825 } }""");
        var (tenants, problems) = TenantLoader.ReadAll(folder.TenantsRoot, Channels);

        problems.ShouldBeEmpty();
        var periods = tenants.Single().Settings.CaseRetention;
        (periods.DaysFor("wohngeld-light"), periods.DaysFor("buergergeld")).ShouldBe((1825, 3650));

        using var plain = new TenantFolder();
        TenantLoader.ReadAll(plain.TenantsRoot, Channels).Tenants.Single().Settings.CaseRetention.DaysFor("buergergeld").ShouldBeNull("no setting: never deleted automatically");
    }

    [Theory]
    [InlineData("""{ "defaultDays": 0 }""", "caseRetention.defaultDays")]
    [InlineData("""{ "services": { "buergergeld": "zehn Jahre" } }""", "caseRetention.services.buergergeld")]
    [InlineData("""{ "services": { "buergergeld": 40000 } }""", "caseRetention.services.buergergeld")]
    public void A_period_that_is_no_number_of_days_is_reported_with_its_place(string retention, string place)
    {
        using var folder = With(retention);

        var problems = TenantLoader.ReadAll(folder.TenantsRoot, Channels).Problems.Select(p => p.ToString()).ToList();

        problems.ShouldHaveSingleItem().ShouldBe($"tenants/probe/tenant.json: {place}: must be a whole number of days from 1 to 36500");
    }
}
