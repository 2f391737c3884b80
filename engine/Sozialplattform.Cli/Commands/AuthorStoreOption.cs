using Sozialplattform.Designer.Accounts;
using Sozialplattform.Storage.Operations;

namespace Sozialplattform.Cli.Commands;

/// <summary>
/// Where the author commands write: the platform database (SQLite in <c>--data</c> or PostgreSQL with <c>--postgres</c>,
/// the shared home every running host reads on each request), or with <c>--authors &lt;dir&gt;</c> the file
/// <c>authors.json</c> of a designer that runs without the platform database (the stand-alone test host).
/// </summary>
internal static class AuthorStoreOption
{
    public static readonly HashSet<string> Options = [.. DeliveryCommandSupport.StorageOptions, "--authors"];

    public const string Usage = """
          --data <dir>        data folder with the platform's SQLite database (default: data)
          --postgres <conn>   the platform's PostgreSQL database (every host of it sees the change at once)
          --authors <dir>     instead: authors.json in <dir>, for a designer without the platform database
        """;

    /// <summary>The store and a description of where it is (for the command's output).</summary>
    public static (IAuthorStore Store, string Where) Open(CliContext context, CliArguments args)
    {
        if (args.Option("--authors") is { } folder)
        {
            if (args.Option("--postgres") is not null) throw new CliUsageException("give either --authors or --postgres, not both");
            var file = Path.Combine(context.FullPath(folder), "authors.json");
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            return (new FileAuthorStore(file), file);
        }

        var platform = DeliveryCommandSupport.Open(context, args);
        var operations = OperationsDatabase.OpenAsync(platform).GetAwaiter().GetResult();
        return (new DatabaseAuthorStore(new SharedCatalog(operations)), $"the platform database ({platform.Provider})");
    }
}
