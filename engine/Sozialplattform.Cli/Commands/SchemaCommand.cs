namespace Sozialplattform.Cli.Commands;

/// <summary><c>sozial schema &lt;definition&gt;</c>: the JSON Schema of the form's answers.</summary>
public sealed class SchemaCommand : ICliCommand
{
    public string Name => "schema";
    public string Summary => "print the JSON Schema of a form's submitted answers";
    public string Usage => """
        Usage: sozial schema <definition.json> [--catalog <dir>] [-o <file>]

        Prints the JSON Schema (2020-12) that every submitted answer set of this form version satisfies
        (used for FIT-Connect submissions and by partners).
        Exit codes: 0 printed, 1 the definition has errors, 2 unusable input.
        """;

    public int Run(CliContext context, IReadOnlyList<string> arguments)
    {
        var args = new CliArguments(arguments, new HashSet<string> { "--catalog", "-o" }, new HashSet<string>());
        var path = args.Required(0, "definition");
        args.ExpectAtMost(1);
        if (!File.Exists(context.FullPath(path)))
        {
            context.Error.WriteLine($"sozial schema: {path}: file not found");
            return 2;
        }

        var loaded = CommandSupport.Load(context, args, path, Engine.FormEngineOptions.Default);
        if (!loaded.Success)
        {
            CommandSupport.PrintProblems(context.Error, loaded.Problems);
            return 1;
        }

        var schema = loaded.Engine!.ExportJsonSchema().ToJsonString(CommandSupport.Json);
        if (args.Option("-o") is { } output) File.WriteAllText(context.FullPath(output), schema + "\n");
        else context.Out.WriteLine(schema);
        return 0;
    }
}
