using System.Text.Json.Nodes;
using Sozialplattform.Delivery.Geo;
using Sozialplattform.Delivery.Routing;
using Sozialplattform.Storage.Database;
using Sozialplattform.Storage.Operations;
using Sozialplattform.Storage.Routing;

namespace Sozialplattform.Cli.Commands;

/// <summary><c>sozial route &lt;form-id&gt; &lt;postal-code&gt;</c>: which authority receives this service's submissions from this place.</summary>
public sealed class RouteCommand : ICliCommand
{
    public string Name => "route";
    public string Summary => "print the responsible authority for a service at a postal code";
    public string Usage => $"""
        Usage: sozial route <form-id|leika-key> <postal-code> [--tenant <id>] [--ars <ars>] [--role <role>] [--answer <key=value>]
                            [--tenants <dir>] [--geo <csv>] {string.Join(" ", DeliveryCommandSupport.StorageOptions.Select(o => $"[{o} …]"))}

        Loads the tenant configuration (default forms-catalog/tenants) and the postal-code data (default
        {GeoDataOptions.DefaultCsvPath}; GeoNames, CC BY 4.0) and prints the destination of each tenant
        that serves the place. --ars chooses the municipality when a postal code spans several Kreise;
        --role adds a destination role as a routing rule of the form would; --answer gives one answer of the
        form (e.g. leistungsbezug=asylblg) for the tenant's answer rules.

        Given the portal's database (--data or --postgres), the service's routing as edited in the designer
        (kind of authority and answer rules, table tenant_routing_edits) replaces the tenant file's, as on every
        host; each answer says where its routing came from. Without either option the default data folder is used
        and designer edits are not considered (a note says so).
        {DeliveryCommandSupport.StorageUsage}
        Exit codes: 0 routed, 1 no authority found, 2 unusable input or configuration.
        """;

    public int Run(CliContext context, IReadOnlyList<string> arguments)
    {
        var args = new CliArguments(arguments, new HashSet<string>(DeliveryCommandSupport.StorageOptions) { "--tenant", "--ars", "--role", "--answer", "--tenants", "--geo" }, new HashSet<string>());
        var service = args.Required(0, "form-id");
        var postalCode = args.Required(1, "postal-code");
        args.ExpectAtMost(2);
        if (postalCode.Length != 5 || !postalCode.All(char.IsAsciiDigit)) throw new CliUsageException($"'{postalCode}' is not a 5-digit postal code");

        var database = DeliveryCommandSupport.Open(context, args);
        var edits = DesignerEdits(context, args, database);
        var tenantsFolder = args.Option("--tenants") ?? "forms-catalog/tenants";
        if (!DeliveryCommandSupport.LoadTenants(context, database, tenantsFolder)) return 2;
        if (!DeliveryCommandSupport.ImportGeo(context, database, args.Option("--geo") ?? GeoDataOptions.DefaultCsvPath)) return 2;

        var tenants = args.Option("--tenant") is { } only ? [only] : Directory.GetDirectories(context.FullPath(tenantsFolder)).Select(Path.GetFileName).OfType<string>().Order().ToList();
        var rules = args.Option("--role") is { } role ? new[] { new RuleDestination(role, RuleMode.Additional) } : [];
        var answers = Answers(args.Option("--answer"));
        var router = new Router(new RoutingTableStore(database), new GeoStore(database), folders: TenantFolderRouting.Load(context.FullPath(tenantsFolder)), edits: edits);
        var found = false;
        var problems = new List<string>();
        foreach (var tenant in tenants)
        {
            var isLeika = service.Length == 14 && service.All(char.IsAsciiDigit);
            string[] leikaKeys = isLeika ? [service] : [];
            var result = router.RouteAsync(new RouteRequest(tenant, service, postalCode, args.Option("--ars")) { LeikaKeys = leikaKeys, RuleDestinations = rules, Answers = answers }).GetAwaiter().GetResult();
            var source = Source(edits, tenant, [service, .. leikaKeys], tenantsFolder);
            problems.AddRange(result.Problems.Select(p => $"{tenant}: {p}"));
            if (result.Destinations.Count == 0)
            {
                problems.Add($"{tenant}: routing from {source}");
                continue;
            }

            found = true;
            var gemeinde = result.Ars is { Length: 12 } ars ? $", Gemeinde {ars}" : "";
            var kreis = result.Kreisschluessel is null ? "" : $"{gemeinde}, Kreis {result.Kreisschluessel}{(result.OtherKreise.Count > 0 ? $" (also in {string.Join(", ", result.OtherKreise)}: choose with --ars)" : "")}";
            context.Out.WriteLine($"{tenant}: {service} at {postalCode}{kreis}");
            context.Out.WriteLine($"  routing from {source}");
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

    /// <summary>
    /// The designer's routing edits of the database the command was given, read as every host's router reads them; none
    /// (with a note) when no database was named — the default data folder is rarely the portal's.
    /// </summary>
    private static RoutingEditSource? DesignerEdits(CliContext context, CliArguments args, SozialDatabase database)
    {
        if (args.Option("--data") is null && args.Option("--postgres") is null)
        {
            context.Error.WriteLine("note: designer routing edits are not considered: give the portal's database with --data <dir> or --postgres <conn> to route as the portal does");
            return null;
        }

        var operations = DeliveryCommandSupport.Guard(args, () => OperationsDatabase.OpenAsync(database).GetAwaiter().GetResult());
        return new RoutingEditSource(new TenantRoutingEdits(operations));
    }

    /// <summary>Where the service's kind of authority and answer rules came from: the designer's newest edit or the tenant file.</summary>
    private static string Source(RoutingEditSource? edits, string tenant, IReadOnlyList<string> serviceKeys, string tenantsFolder)
    {
        var edit = edits?.ForAsync(tenant, serviceKeys).GetAwaiter().GetResult();
        return edit is null
            ? $"the tenant file {Path.Combine(tenantsFolder, tenant, "routing.json")}{(edits is null ? " (designer edits not considered)" : "")}"
            : $"designer edit rev {edit.Revision} of {edit.Service} by {edit.SavedBy} at {edit.SavedAt:yyyy-MM-dd HH:mm:ss} UTC";
    }

    /// <summary>"leistungsbezug=asylblg" → {"leistungsbezug": "asylblg"} (a dotted key becomes nested groups).</summary>
    private static JsonObject? Answers(string? option)
    {
        if (option is null) return null;
        var at = option.IndexOf('=');
        if (at <= 0) throw new CliUsageException($"--answer '{option}' must be key=value, e.g. leistungsbezug=asylblg");
        var keys = option[..at].Split('.');
        var root = new JsonObject();
        var group = root;
        foreach (var key in keys[..^1]) group = (JsonObject)(group[key] = new JsonObject());
        group[keys[^1]] = option[(at + 1)..];
        return root;
    }
}
