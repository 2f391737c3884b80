using Sozialplattform.Centres.Import;

namespace Sozialplattform.Cli.Commands;

/// <summary><c>sozial centres import &lt;file&gt; [--dry-run]</c>: loads counselling centres from JSON or CSV by external id.</summary>
public sealed class CentresImportCommand : ICliCommand
{
    public string Name => "centres import";
    public string Summary => "import counselling centres (JSON or CSV) by external id, with a report per entry";
    public string Usage => $"""
        Usage: sozial centres import <file.json|file.csv> [--dry-run] [--tenant <id>] [--data <dir>] [--postgres <conn>]

        Every entry is checked completely (postal code, position in Germany, phone, e-mail, web address,
        opening hours, topics, catchments) and then created, changed or left unchanged by its externalId,
        each in its own transaction: an entry is applied whole or refused with its reasons, never half.
        Imported centres are published at once. A second import of the same file changes nothing.
          --dry-run           check and compare only; nothing is written
        {CentresCommandSupport.Usage}{DeliveryCommandSupport.StorageUsage}
        Exit codes: 0 every entry imported or unchanged, 1 some entries refused (listed), 2 unusable input.
        """;

    public int Run(CliContext context, IReadOnlyList<string> arguments)
    {
        var args = new CliArguments(arguments, CentresCommandSupport.Options, new HashSet<string> { "--dry-run" });
        var file = args.Required(0, "file");
        args.ExpectAtMost(1);
        if (!File.Exists(context.FullPath(file)))
        {
            context.Error.WriteLine($"sozial centres import: {file}: file not found");
            return 2;
        }

        var (_, importer, tenant) = CentresCommandSupport.Open(context, args);
        var dryRun = args.Has("--dry-run");
        var report = importer.ImportAsync(tenant, CentreFiles.Read(context.FullPath(file)), $"import:{Path.GetFileName(file)}", dryRun).GetAwaiter().GetResult();
        foreach (var line in report) (line.Outcome == LineOutcome.Refused ? context.Error : context.Out).WriteLine($"{file}: {line}");
        var counts = string.Join(", ", Enum.GetValues<LineOutcome>().Select(o => $"{report.Count(l => l.Outcome == o)} {o.ToString().ToLowerInvariant()}"));
        context.Out.WriteLine($"{file}: {(dryRun ? "dry run, nothing written: " : "")}{counts}");
        return report.Any(l => l.Outcome == LineOutcome.Refused) ? 1 : 0;
    }
}
