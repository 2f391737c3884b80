using Sozialplattform.Centres.Import;
using Sozialplattform.Centres.Records;

namespace Sozialplattform.Cli.Commands;

/// <summary><c>sozial centres export</c>: the published counselling centres as JSON or CSV (importable again unchanged).</summary>
public sealed class CentresExportCommand : ICliCommand
{
    public string Name => "centres export";
    public string Summary => "export the published counselling centres as JSON or CSV";
    public string Usage => $"""
        Usage: sozial centres export [-o <file.json|file.csv>] [--format json|csv] [--tenant <id>] [--data <dir>] [--postgres <conn>]

        Writes every published centre of the tenant with its external id, in the import format: importing
        the file again changes nothing. Without -o the JSON goes to standard output. CSV holds what fits in
        one row per centre (see docs/CENTRES.md); JSON holds everything.
        {CentresCommandSupport.Usage}{DeliveryCommandSupport.StorageUsage}
        Exit codes: 0 written, 2 unusable input.
        """;

    public int Run(CliContext context, IReadOnlyList<string> arguments)
    {
        var args = new CliArguments(arguments, new HashSet<string>(CentresCommandSupport.Options) { "-o", "--format" }, new HashSet<string>());
        args.ExpectAtMost(0);
        var output = args.Option("-o");
        var format = args.Option("--format") ?? (output?.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) == true ? "csv" : "json");
        if (format is not ("json" or "csv")) throw new CliUsageException($"--format must be json or csv, not '{format}'");

        var (store, _, tenant) = CentresCommandSupport.Open(context, args);
        var records = store.PublishedAsync(tenant).GetAwaiter().GetResult().Select(r => CentreJson.Read(r.Published!)).OrderBy(r => r.ExternalId, StringComparer.Ordinal).ToList();
        var text = format == "csv" ? CentreCsv.Write(records) : CentreFiles.WriteJson(records);
        if (output is null) context.Out.Write(text);
        else
        {
            File.WriteAllText(context.FullPath(output), text);
            context.Error.WriteLine($"{output}: {records.Count} centres ({format})");
        }

        return 0;
    }
}
