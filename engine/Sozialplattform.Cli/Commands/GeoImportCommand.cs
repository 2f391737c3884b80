using Sozialplattform.Delivery.Geo;
using Sozialplattform.Storage.Routing;

namespace Sozialplattform.Cli.Commands;

/// <summary><c>sozial geo import &lt;csv&gt;</c>: loads a postal-code file into the database.</summary>
public sealed class GeoImportCommand : ICliCommand
{
    public string Name => "geo import";
    public string Summary => "load a postal-code → Kreis CSV (GeoNames shape) into the database";
    public string Usage => $"""
        Usage: sozial geo import <csv> [--force] [--data <dir>] [--postgres <conn>]

        Reads a CSV with the columns zipcode, place, community and community_code (the 5-digit
        Kreisschlüssel), as {GeoDataOptions.DefaultCsvPath} (GeoNames, CC BY 4.0), and replaces
        the stored postal-code data in one transaction. A file with errors changes nothing; an unchanged file
        is skipped unless --force.
        {DeliveryCommandSupport.StorageUsage}
        Exit codes: 0 imported or unchanged, 1 the file has errors, 2 unusable input.
        """;

    public int Run(CliContext context, IReadOnlyList<string> arguments)
    {
        var args = new CliArguments(arguments, DeliveryCommandSupport.StorageOptions, new HashSet<string> { "--force" });
        var csv = args.Required(0, "csv");
        args.ExpectAtMost(1);
        if (!File.Exists(context.FullPath(csv)))
        {
            context.Error.WriteLine($"sozial geo import: {csv}: file not found");
            return 2;
        }

        var database = DeliveryCommandSupport.Open(context, args);
        var result = new GeoImporter(new GeoStore(database)).ImportAsync(context.FullPath(csv), args.Has("--force")).GetAwaiter().GetResult();
        foreach (var error in result.Errors) context.Error.WriteLine(error);
        if (!result.Success)
        {
            context.Error.WriteLine($"{csv}: {result.Summary}");
            return 1;
        }

        var skipped = result.SkippedLines.Count == 0 ? "" : $"; {result.SkippedLines.Count} row(s) without Kreisschlüssel skipped (line {string.Join(", ", result.SkippedLines.Take(10))})";
        context.Out.WriteLine($"{csv}: {result.Summary}: {result.PostalCodes} postal codes from {result.Rows} rows{skipped}");
        return 0;
    }
}
