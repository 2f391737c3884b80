using Sozialplattform.Centres;
using Sozialplattform.Centres.Geo;
using Sozialplattform.Centres.Import;
using Sozialplattform.Centres.Storage;
using Sozialplattform.Centres.Validation;
using Sozialplattform.Delivery.Geo;
using Sozialplattform.Storage.Routing;

namespace Sozialplattform.Cli.Commands;

/// <summary>What the centres commands share: the platform database with the centres' tables, the tenant's settings and postal codes.</summary>
internal static class CentresCommandSupport
{
    public static readonly HashSet<string> Options = [.. DeliveryCommandSupport.StorageOptions, "--tenant", "--tenants", "--geo"];

    public const string Usage = """
          --tenant <id>       the tenant whose directory it is (default: nrw)
          --tenants <dir>     the tenants folder with <tenant>/centres.json (default: forms-catalog/tenants)
          --geo <csv>         postal-code data to check against (default: the portal's file; imported when new)
        """;

    public static (CentreStore Store, CentreImporter Importer, string Tenant) Open(CliContext context, CliArguments args)
    {
        var database = DeliveryCommandSupport.Open(context, args);
        if (!DeliveryCommandSupport.ImportGeo(context, database, args.Option("--geo") ?? GeoDataOptions.DefaultCsvPath))
            throw new CliUsageException("the postal-code data cannot be imported");
        var tenant = args.Option("--tenant") ?? "nrw";
        var options = CentresConfiguration.Load(context.FullPath(args.Option("--tenants") ?? "forms-catalog/tenants"), tenant);
        var centres = CentresDatabase.OpenAsync(database).GetAwaiter().GetResult();
        var store = new CentreStore(centres);
        var check = new CentreCheck(new PostalCodeLocations(new GeoStore(database)), options.Taxonomy());
        return (store, new CentreImporter(store, check), tenant);
    }
}
