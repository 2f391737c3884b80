using Sozialplattform.Delivery.Channels;
using Sozialplattform.Delivery.Geo;
using Sozialplattform.Delivery.Tenants;
using Sozialplattform.Storage.Database;
using Sozialplattform.Storage.Routing;

namespace Sozialplattform.Cli.Commands;

/// <summary>What the storage and delivery commands share: opening the database and loading tenants and postal codes.</summary>
internal static class DeliveryCommandSupport
{
    public static readonly HashSet<string> StorageOptions = ["--data", "--postgres"];

    public const string StorageUsage = """
          --data <dir>        data folder with the SQLite database and the key file (default: data)
          --postgres <conn>   use PostgreSQL with this connection string instead of SQLite
        """;

    public static SozialDatabase Open(CliContext context, CliArguments args)
    {
        var options = args.Option("--postgres") is { } connection
            ? new StorageOptions { Provider = StorageProvider.Postgres, ConnectionString = connection, DataDirectory = context.FullPath(args.Option("--data") ?? "data") }
            : new StorageOptions { DataDirectory = context.FullPath(args.Option("--data") ?? "data") };
        try
        {
            return SozialDatabase.OpenAsync(options).GetAwaiter().GetResult();
        }
        catch (StorageConfigurationException e)
        {
            throw new CliUsageException(e.Message);
        }
    }

    /// <summary>Loads the tenants into the database; prints every problem and returns false when there are any.</summary>
    public static bool LoadTenants(CliContext context, SozialDatabase database, string folder)
    {
        try
        {
            new TenantLoader(new RoutingTableStore(database), BuiltInChannels.Registry(database)).LoadAllAsync(context.FullPath(folder)).GetAwaiter().GetResult();
            return true;
        }
        catch (TenantConfigurationException e)
        {
            foreach (var problem in e.Problems) context.Error.WriteLine(problem);
            return false;
        }
    }

    /// <summary>Imports the postal-code file when it exists (unchanged files are skipped); says so when there is none.</summary>
    public static bool ImportGeo(CliContext context, SozialDatabase database, string csv)
    {
        var path = context.FullPath(csv);
        if (!File.Exists(path))
        {
            context.Error.WriteLine($"note: no postal-code data at {csv}; postal codes resolve only through ranges in the tenant configuration (load a file with 'sozial geo import <csv>')");
            return true;
        }

        var result = new GeoImporter(new GeoStore(database)).ImportAsync(path).GetAwaiter().GetResult();
        foreach (var error in result.Errors) context.Error.WriteLine(error);
        return result.Success;
    }
}
