using Sozialplattform.Delivery.Channels;

namespace Sozialplattform.Delivery.Tenants;

/// <summary>Checks across entries and files: duplicates, references, overlapping areas and each authority's channel options.</summary>
public static class TenantConfigChecks
{
    public static IReadOnlyList<ConfigProblem> Check(TenantConfiguration tenant, ChannelRegistry channels)
    {
        var problems = new List<ConfigProblem>();
        var name = Path.GetFileName(Path.TrimEndingDirectorySeparator(tenant.Folder));
        var authoritiesFile = $"tenants/{name}/authorities.json";
        var routingFile = $"tenants/{name}/routing.json";

        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < tenant.Authorities.Count; i++)
        {
            var authority = tenant.Authorities[i];
            var entry = $"authorities[{i}] '{authority.Id}'";
            if (!ids.Add(authority.Id)) problems.Add(new(authoritiesFile, entry, $"duplicate id '{authority.Id}'"));
            var channel = channels.Find(authority.ChannelType);
            if (channel is null)
                problems.Add(new(authoritiesFile, entry, $"unknown channel type '{authority.ChannelType}' (known: {string.Join(", ", channels.Types.Order())})"));
            else
                problems.AddRange(channel.Validate(authority.ChannelOptions).Select(p => new ConfigProblem(authoritiesFile, $"{entry} channel '{authority.ChannelType}'", p)));
        }

        // A role is known when an authority has it or routing.json sends a service to it (an office may serve several roles).
        var roles = tenant.Authorities.Select(a => a.Role).Concat(tenant.Routing.ServiceRoles.Values).Concat(tenant.Routing.AnswerRules.Select(r => r.Role)).ToHashSet(StringComparer.Ordinal);
        foreach (var (service, role) in tenant.Routing.ServiceRoles)
            if (!tenant.Routing.Assignments.Any(a => a.Role == role))
                problems.Add(new(routingFile, $"services.{service}", $"role '{role}' has no assignment, so '{service}' could never be routed"));

        foreach (var rule in tenant.Routing.AnswerRules)
        {
            var entry = $"answerRules[{rule.Index}]";
            if (!tenant.Routing.ServiceRoles.ContainsKey(rule.Service))
                problems.Add(new(routingFile, entry, $"service '{rule.Service}' is not in 'services'; map it to its usual role first"));
            if (!tenant.Routing.Assignments.Any(a => a.Role == rule.Role))
                problems.Add(new(routingFile, entry, $"role '{rule.Role}' has no assignment, so this rule could never be routed"));
        }

        foreach (var assignment in tenant.Routing.Assignments)
        {
            var entry = $"assignments[{assignment.Index}]";
            if (!ids.Contains(assignment.AuthorityId))
                problems.Add(new(routingFile, entry, $"unknown authority '{assignment.AuthorityId}' (not in {authoritiesFile})"));
            if (assignment.Role is { } role && !roles.Contains(role))
                problems.Add(new(routingFile, entry, $"no authority has role '{role}'"));
            if (assignment.ArsPrefix is { Length: 12 } gemeinde && tenant.Municipalities.All(m => m.Ars != gemeinde))
                problems.Add(new(routingFile, entry, $"ARS {gemeinde} is no Gemeinde of tenants/{name}/municipalities.json, so no postal code would ever reach it"));
        }

        problems.AddRange(FindConflicts(tenant.Routing.Assignments, routingFile));
        return problems;
    }

    /// <summary>Two assignments for the same role or service with the same ARS prefix or overlapping postal codes would make routing ambiguous.</summary>
    private static IEnumerable<ConfigProblem> FindConflicts(IReadOnlyList<AssignmentConfig> assignments, string file)
    {
        foreach (var group in assignments.GroupBy(a => (a.Role, a.Service)))
        {
            var list = group.ToList();
            for (var i = 0; i < list.Count; i++)
            for (var j = i + 1; j < list.Count; j++)
            {
                var (a, b) = (list[i], list[j]);
                var who = a.Role is not null ? $"role '{a.Role}'" : $"service '{a.Service}'";
                if (a.ArsPrefix is not null && a.ArsPrefix == b.ArsPrefix)
                    yield return new(file, $"assignments[{b.Index}]", $"{who} is already assigned for ars '{a.ArsPrefix}' in assignments[{a.Index}]");
                foreach (var range in b.PostalCodes)
                    if (a.PostalCodes.FirstOrDefault(r => r.Overlaps(range)) is { } other)
                        yield return new(file, $"assignments[{b.Index}]", $"{who}: postal codes {range} overlap {other} of assignments[{a.Index}]");
            }
        }
    }
}
