using Sozialplattform.Delivery.Geo;
using Sozialplattform.Delivery.Routing;
using Sozialplattform.Storage.Routing;

namespace Sozialplattform.Cli.Commands;

/// <summary><c>sozial route &lt;form-id&gt; &lt;postal-code&gt;</c>: which authority receives this service's submissions from this place.</summary>
public sealed class RouteCommand : ICliCommand
{
    public string Name => "route";
    public string Summary => "print the responsible authority for a service at a postal code";
    public string Usage => $"""
        Usage: sozial route <form-id|leika-key> <postal-code> [--tenant <id>] [--ars <ars>] [--role <role>]...
                            [--tenants <dir>] [--geo <csv>] {string.Join(" ", DeliveryCommandSupport.StorageOptions.Select(o => $"[{o} …]"))}

        Loads the tenant configuration (default forms-catalog/tenants) and the postal-code data (default
        {GeoDataOptions.DefaultCsvPath}; GeoNames, CC BY 4.0) and prints the destination of each tenant
        that serves the place. --ars chooses the municipality when a postal code spans several Kreise;
        --role adds a destination role as a routing rule of the form would.
        {DeliveryCommandSupport.StorageUsage}
        Exit codes: 0 routed, 1 no authority found, 2 unusable input or configuration.
        """;

    public int Run(CliContext context, IReadOnlyList<string> arguments)
    {
        var args = new CliArguments(arguments, new HashSet<string>(DeliveryCommandSupport.StorageOptions) { "--tenant", "--ars", "--role", "--tenants", "--geo" }, new HashSet<string>());
        var service = args.Required(0, "form-id");
        var postalCode = args.Required(1, "postal-code");
        args.ExpectAtMost(2);
        if (postalCode.Length != 5 || !postalCode.All(char.IsAsciiDigit)) throw new CliUsageException($"'{postalCode}' is not a 5-digit postal code");

        var database = DeliveryCommandSupport.Open(context, args);
        var tenantsFolder = args.Option("--tenants") ?? "forms-catalog/tenants";
        if (!DeliveryCommandSupport.LoadTenants(context, database, tenantsFolder)) return 2;
        if (!DeliveryCommandSupport.ImportGeo(context, database, args.Option("--geo") ?? GeoDataOptions.DefaultCsvPath)) return 2;

        var tenants = args.Option("--tenant") is { } only ? [only] : Directory.GetDirectories(context.FullPath(tenantsFolder)).Select(Path.GetFileName).OfType<string>().Order().ToList();
        var rules = args.Option("--role") is { } role ? new[] { new RuleDestination(role, RuleMode.Additional) } : [];
        var router = new Router(new RoutingTableStore(database), new GeoStore(database));
        var found = false;
        var problems = new List<string>();
        foreach (var tenant in tenants)
        {
            var isLeika = service.Length == 14 && service.All(char.IsAsciiDigit);
            var result = router.RouteAsync(new RouteRequest(tenant, service, postalCode, args.Option("--ars")) { LeikaKeys = isLeika ? [service] : [], RuleDestinations = rules }).GetAwaiter().GetResult();
            problems.AddRange(result.Problems.Select(p => $"{tenant}: {p}"));
            if (result.Destinations.Count == 0) continue;
            found = true;
            var kreis = result.Kreisschluessel is null ? "" : $", Kreis {result.Kreisschluessel}{(result.OtherKreise.Count > 0 ? $" (also in {string.Join(", ", result.OtherKreise)}: choose with --ars)" : "")}";
            context.Out.WriteLine($"{tenant}: {service} at {postalCode}{kreis}");
            foreach (var destination in result.Destinations)
            {
                var authority = destination.Authority;
                context.Out.WriteLine($"  {destination.Role,-10} {authority.Name} [{authority.Id}], channel {authority.ChannelType}, by {destination.Reason}");
                context.Out.WriteLine($"  {"",-10} {authority.Address.Replace("\n", ", ", StringComparison.Ordinal)}{(authority.ContactEmail is null ? "" : $", {authority.ContactEmail}")}");
            }
        }

        if (!found || args.Option("--tenant") is not null)
            foreach (var problem in problems) context.Error.WriteLine(problem);
        return found ? 0 : 1;
    }
}
