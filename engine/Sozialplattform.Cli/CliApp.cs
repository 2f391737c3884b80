namespace Sozialplattform.Cli;

/// <summary>The `sozial` command line: finds the command named by the first words and runs it.</summary>
public static class CliApp
{
    /// <summary>Every command, in the order `sozial --help` lists them. Add a new command here.</summary>
    public static IReadOnlyList<ICliCommand> Commands { get; } =
    [
        new Commands.ValidateCommand(),
        new Commands.CheckCommand(),
        new Commands.StateCommand(),
        new Commands.SchemaCommand(),
        new Commands.PdfCommand(),
        new Commands.CatalogLintCommand(),
        new Commands.CatalogExportCommand(),
        new Commands.CatalogImportCommand(),
        new Commands.CatalogKeygenCommand(),
        new Commands.TranslationsExportCommand(),
        new Commands.TranslationsImportCommand(),
        new Commands.ImportFimCommand(),
        new Commands.ExportFimCommand(),
        new Commands.AuthorAddCommand(),
        new Commands.AuthorUnlockCommand(),
        new Commands.CodeListImportCommand(),
        Sozialplattform.Cli.Commands.SecondFactorResetCommand.Author,
        new Commands.RouteCommand(),
        new Commands.GeoImportCommand(),
        new Commands.DatabaseMigrateCommand(),
        Sozialplattform.Cli.Commands.DataKeyCommand.New,
        Sozialplattform.Cli.Commands.DataKeyCommand.Status,
        Sozialplattform.Cli.Commands.DataKeyCommand.Rotate,
        new Commands.TenantsCheckCommand(),
        new Commands.OutboxCommand(),
        new Commands.OutboxRetryCommand(),
        new Commands.CaseworkerAddCommand(),
        new Commands.CaseworkerUnlockCommand(),
        new Commands.CaseArchiveCommand(),
        new Commands.CaseDeletionsCommand(),
        new Commands.CaseDueCommand(),
        Sozialplattform.Cli.Commands.SecondFactorResetCommand.Caseworker,
        Sozialplattform.Cli.Commands.ApiClientCommand.Add,
        Sozialplattform.Cli.Commands.ApiClientCommand.List,
        Sozialplattform.Cli.Commands.ApiClientCommand.Revoke,
        new Commands.CentresImportCommand(),
        new Commands.CentresExportCommand(),
        new Commands.CentreAccountAddCommand(),
        new Commands.CentreAccountRoleCommand(),
    ];

    public static int Run(string[] args, TextWriter output, TextWriter error, string? workingDirectory = null)
    {
        var context = new CliContext(output, error, workingDirectory ?? Directory.GetCurrentDirectory());
        if (args.Length == 0 || args[0] is "--help" or "-h" or "help")
        {
            PrintOverview(output);
            return args.Length == 0 ? 2 : 0;
        }

        var command = Find(args);
        if (command is null)
        {
            error.WriteLine($"sozial: unknown command '{string.Join(' ', args.TakeWhile(a => !a.StartsWith('-')).Take(2))}'. Run 'sozial --help' for the list.");
            return 2;
        }

        var rest = args.Skip(command.Name.Split(' ').Length).ToList();
        if (rest.Contains("--help") || rest.Contains("-h"))
        {
            output.WriteLine(command.Usage);
            return 0;
        }

        try
        {
            return command.Run(context, rest);
        }
        catch (CliUsageException usage)
        {
            error.WriteLine($"sozial {command.Name}: {usage.Message}");
            error.WriteLine();
            error.WriteLine(command.Usage);
            return 2;
        }
    }

    private static ICliCommand? Find(string[] args) =>
        Commands
            .Where(c => c.Name.Split(' ').SequenceEqual(args.Take(c.Name.Split(' ').Length)))
            .MaxBy(c => c.Name.Length);

    private static void PrintOverview(TextWriter output)
    {
        output.WriteLine("sozial — Sozialplattform command line");
        output.WriteLine();
        output.WriteLine("Usage: sozial <command> [arguments] [--help]");
        output.WriteLine();
        var width = Commands.Count == 0 ? 0 : Commands.Max(c => c.Name.Length);
        foreach (var command in Commands)
            output.WriteLine($"  {command.Name.PadRight(width)}  {command.Summary}");
    }
}

/// <summary>Thrown by a command when its arguments are wrong; the app prints the message and the usage (exit 2).</summary>
public sealed class CliUsageException(string message) : Exception(message);
