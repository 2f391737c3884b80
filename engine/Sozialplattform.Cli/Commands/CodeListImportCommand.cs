using Sozialplattform.Designer.CodeLists;
using Sozialplattform.Designer.Workspace;
using Sozialplattform.Storage.Operations;

namespace Sozialplattform.Cli.Commands;

/// <summary>
/// <c>sozial codelist import &lt;file&gt; --id &lt;id&gt;</c>: the designer's code-list import on the command line — the same
/// reading (genericode or CSV) and the same insert-only row of the catalog's shared home, which every host reads.
/// </summary>
public sealed class CodeListImportCommand : ICliCommand
{
    public string Name => "codelist import";
    public string Summary => "import a code list from a genericode (.xml) or CSV file into the catalog's shared home";
    public string Usage => """
        Usage: sozial codelist import <file> --id <id> [--version <x.y.z>] [--name <text>] [--by <author>]
                                     [--catalog <dir>] [--data <dir>] [--postgres <conn>]

        Reads an XÖV genericode 1.0 file (as in FIM) or a CSV with a header line (code;label, optionally label_en …;
        ';' or ','; UTF-8 with or without byte-order mark) and adds it as codelists/<id>/<version>.json to the shared
        home of the platform database (--data: SQLite in <dir>, default data; --postgres), where every host's engine
        and designer read it. A list that exists (in the catalog folder or the shared home) is never changed: give a
        new version or a new id. --version defaults to 1.0.0 for a new id, else the next minor version.
          --catalog <dir>     the catalog folder (default: ./forms-catalog, or the catalog around the working directory)
          --by <author>       who added it (default: the OS user)
        Exit codes: 0 imported, 1 refused (every problem with file and line), 2 usage.
        """;

    public int Run(CliContext context, IReadOnlyList<string> arguments)
    {
        var args = new CliArguments(arguments, new HashSet<string>(DeliveryCommandSupport.StorageOptions) { "--id", "--version", "--name", "--by", "--catalog" }, new HashSet<string>());
        var file = context.FullPath(args.Required(0, "file"));
        args.ExpectAtMost(1);
        var id = args.Option("--id") ?? throw new CliUsageException("--id <id> is required");
        if (CatalogLocation.ResolveOrReport(context, args.Option("--catalog"), Name) is not { } catalog) return 2;
        if (!File.Exists(file)) { context.Error.WriteLine($"sozial {Name}: {file} not found"); return 2; }

        var operations = OperationsDatabase.OpenAsync(DeliveryCommandSupport.Open(context, args)).GetAwaiter().GetResult();
        var workspace = new FormWorkspace(new WorkspaceOptions { CatalogDirectory = catalog.Directory, DraftDirectory = Path.GetTempPath() }, store: new DatabaseFormStore(new SharedCatalog(operations)));
        var lists = new CatalogCodeLists(workspace);
        var version = args.Option("--version") ?? lists.ProposedVersion(id);
        var info = new FileInfo(file);
        if (info.Length > CodeListFile.MaxBytes)
        {
            context.Error.WriteLine(new CodeListProblem(info.Name, null, $"Die Datei ist {info.Length / 1024} KB groß; höchstens {CodeListFile.MaxBytes / (1024 * 1024)} MB sind erlaubt."));
            return 1;
        }

        var outcome = lists.Import(info.Name, File.ReadAllBytes(file), id, version, args.Option("--name"), args.Option("--by") ?? Environment.UserName);
        foreach (var problem in outcome.Problems) context.Error.WriteLine(problem);
        if (!outcome.Success) return 1;
        context.Out.WriteLine($"{outcome.Reference}: imported into the shared home");
        return 0;
    }
}
