using Sozialplattform.Delivery.Channels;
using Sozialplattform.Storage.Entities;
using Sozialplattform.Storage.Routing;

namespace Sozialplattform.Delivery.Tenants;

/// <summary>
/// Reads every tenant folder, checks all of them, and only when nothing is wrong replaces each tenant's
/// authorities and routing in the database. A bad file therefore never touches what is stored.
/// </summary>
public sealed class TenantLoader(RoutingTableStore store, ChannelRegistry channels)
{
    /// <summary>Reads and checks without writing: the problems of all tenants under <paramref name="tenantsFolder"/>.</summary>
    public static (IReadOnlyList<TenantConfiguration> Tenants, IReadOnlyList<ConfigProblem> Problems) ReadAll(string tenantsFolder, ChannelRegistry channels)
    {
        if (!Directory.Exists(tenantsFolder))
            return ([], [new ConfigProblem(tenantsFolder, "", "the tenants folder does not exist")]);
        var tenants = new List<TenantConfiguration>();
        var problems = new List<ConfigProblem>();
        foreach (var folder in Directory.GetDirectories(tenantsFolder).Order(StringComparer.Ordinal))
        {
            var (tenant, readProblems) = TenantFolderReader.Read(folder);
            problems.AddRange(readProblems);
            if (tenant is null) continue;
            problems.AddRange(TenantConfigChecks.Check(tenant, channels));
            tenants.Add(tenant);
        }

        return (tenants, problems);
    }

    /// <summary>Loads all tenants into the database; throws <see cref="TenantConfigurationException"/> listing every problem.</summary>
    public async Task<IReadOnlyList<TenantConfiguration>> LoadAllAsync(string tenantsFolder, CancellationToken cancellationToken = default)
    {
        var (tenants, problems) = ReadAll(tenantsFolder, channels);
        if (problems.Count > 0) throw new TenantConfigurationException(problems);
        foreach (var tenant in tenants)
            await store.ReplaceTenantAsync(tenant.Settings.Id, ToAuthorities(tenant), ToServiceRoles(tenant), ToAssignments(tenant), cancellationToken);
        return tenants;
    }

    private static List<Authority> ToAuthorities(TenantConfiguration tenant) =>
        tenant.Authorities.Select(a => new Authority
        {
            TenantId = tenant.Settings.Id, Id = a.Id, Name = a.Name, Role = a.Role, Address = string.Join('\n', a.Address),
            ContactEmail = a.Contact.Email, ContactPhone = a.Contact.Phone, ChannelType = a.ChannelType, ChannelOptionsJson = a.ChannelOptions.ToJsonString(),
            FileNumberFormat = a.FileNumberFormat,
        }).ToList();

    private static List<ServiceRole> ToServiceRoles(TenantConfiguration tenant) =>
        tenant.Routing.ServiceRoles.Select(s => new ServiceRole { TenantId = tenant.Settings.Id, Service = s.Key, Role = s.Value }).ToList();

    private static List<RoutingAssignment> ToAssignments(TenantConfiguration tenant) =>
        tenant.Routing.Assignments.SelectMany(a => a.ArsPrefix is not null
            ? [Row(tenant, a, a.ArsPrefix, null)]
            : a.PostalCodes.Select(range => Row(tenant, a, null, range))).ToList();

    private static RoutingAssignment Row(TenantConfiguration tenant, AssignmentConfig a, string? ars, PostalCodeRange? range) => new()
    {
        TenantId = tenant.Settings.Id, Role = a.Role, Service = a.Service, ArsPrefix = ars,
        PostalCodeFrom = range?.From, PostalCodeTo = range?.To, AuthorityId = a.AuthorityId,
    };
}
