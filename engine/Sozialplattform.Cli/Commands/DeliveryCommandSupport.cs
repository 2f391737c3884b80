using System.Data.Common;
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
        return Guard(args, () => SozialDatabase.OpenAsync(options).GetAwaiter().GetResult());
    }

    /// <summary>
    /// Runs <paramref name="open"/>; a database that cannot be reached, opened or read with these options (no server, a
    /// malformed connection string, a data folder that is a file or not writable, another data key) is a usage error
    /// (exit 2) naming the option, not a stack trace.
    /// </summary>
    public static T Guard<T>(CliArguments args, Func<T> open)
    {
        var option = args.Option("--postgres") is not null ? "--postgres" : "--data";
        try
        {
            return open();
        }
        catch (StorageConfigurationException e)
        {
            throw new CliUsageException(e.Message);
        }
        catch (Exception e) when (e is DbException or IOException or UnauthorizedAccessException or ArgumentException or System.Net.Sockets.SocketException or TimeoutException)
        {
            var reason = e.InnerException is { } inner && inner.Message != e.Message ? $"{e.Message} ({inner.Message})" : e.Message;
            throw new CliUsageException($"the database given with {option} cannot be used: {reason}");
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
