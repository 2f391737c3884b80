using Sozialplattform.Delivery.Archive;
using Sozialplattform.Storage.Cases;

namespace Sozialplattform.Cli.Commands;

/// <summary><c>sozial case archive &lt;reference&gt;</c>: writes a case's archive package (zip with a SHA-256 manifest), e.g. before its deletion.</summary>
public sealed class CaseArchiveCommand : ICliCommand
{
    public string Name => "case archive";
    public string Summary => "write a case's archive package (PDF, answers as JSON and XML, messages, hand-ins, SHA-256 manifest)";
    public string Usage => $"""
        Usage: sozial case archive <reference> --tenant <id> [--out <file.zip>] [--by <operator>] [--data <dir>] [--postgres <conn>]

        Writes the archive package of the case with the reference number (SP-…) of the tenant: the submission's PDF,
        the answers as JSON and XML, the uploads, the messages, hand-ins and decisions with their files, the status
        history and manifest.json with the SHA-256 of every file (docs/CASES.md, "Retention"). Default file:
        Archiv-<reference>.zip in the current folder; an existing file is not overwritten.
        The export is written to the audit log (--by names the operator; default: the OS user).
        {DeliveryCommandSupport.StorageUsage}
        Exit codes: 0 written, 1 no such case or the file exists, 2 usage.
        """;

    public int Run(CliContext context, IReadOnlyList<string> arguments)
    {
        var args = new CliArguments(arguments, new HashSet<string>(DeliveryCommandSupport.StorageOptions) { "--tenant", "--out", "--by" }, new HashSet<string>());
        var reference = args.Required(0, "reference");
        args.ExpectAtMost(1);
        var tenant = args.Option("--tenant") ?? throw new CliUsageException("--tenant is required");
        var operatorName = args.Option("--by") ?? Environment.UserName;
        var target = Path.GetFullPath(args.Option("--out") ?? CaseArchive.FileName(reference.Trim().ToUpperInvariant()), context.WorkingDirectory);
        if (File.Exists(target))
        {
            context.Error.WriteLine($"sozial case archive: {target} exists; choose another --out");
            return 1;
        }

        var contents = new CaseArchiveSource(DeliveryCommandSupport.Open(context, args)).ForOperatorAsync(tenant, reference, operatorName).GetAwaiter().GetResult();
        if (contents is null)
        {
            context.Error.WriteLine($"sozial case archive: tenant '{tenant}' has no case '{reference}'");
            return 1;
        }

        File.WriteAllBytes(target, CaseArchive.Build(contents, "cli:" + operatorName, DateTime.UtcNow));
        context.Out.WriteLine($"{contents.ReferenceNumber}: {target}");
        return 0;
    }
}
