using Sozialplattform.Delivery.Channels;
using Sozialplattform.Delivery.Tenants;

namespace Sozialplattform.Cli.Commands;

/// <summary><c>sozial tenants check [&lt;dir&gt;]</c>: checks every tenant's configuration without changing anything.</summary>
public sealed class TenantsCheckCommand : ICliCommand
{
    public string Name => "tenants check";
    public string Summary => "check the tenants' authorities, routing and channel options";
    public string Usage => """
        Usage: sozial tenants check [<tenants-dir>]

        Reads tenant.json, authorities.json and routing.json of every tenant (default forms-catalog/tenants)
        and lists every problem with file and entry: malformed JSON (with line), missing or duplicate
        entries, unknown authorities and roles, bad or overlapping postal-code ranges, channel options.
        Exit codes: 0 no problems, 1 problems listed, 2 unusable input.
        """;

    public int Run(CliContext context, IReadOnlyList<string> arguments)
    {
        var args = new CliArguments(arguments, new HashSet<string>(), new HashSet<string>());
        args.ExpectAtMost(1);
        var folder = context.FullPath(args.Positional.Count > 0 ? args.Positional[0] : "forms-catalog/tenants");
        if (!Directory.Exists(folder))
        {
            context.Error.WriteLine($"sozial tenants check: {folder}: folder not found");
            return 2;
        }

        var (tenants, problems) = TenantLoader.ReadAll(folder, BuiltInChannels.Registry(null));
        foreach (var problem in problems) context.Out.WriteLine(problem);
        foreach (var tenant in tenants)
            context.Out.WriteLine($"{tenant.Settings.Id}: {tenant.Authorities.Count} authorities, {tenant.Routing.ServiceRoles.Count} services, {tenant.Routing.Assignments.Count} assignments");
        return problems.Count == 0 ? 0 : 1;
    }
}
