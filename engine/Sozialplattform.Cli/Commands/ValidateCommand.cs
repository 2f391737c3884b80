using System.Text.Json.Nodes;

namespace Sozialplattform.Cli.Commands;

/// <summary><c>sozial validate &lt;definition&gt;</c>: loads a definition and lists every problem.</summary>
public sealed class ValidateCommand : ICliCommand
{
    public string Name => "validate";
    public string Summary => "check a form definition (schema, field types, blocks, code lists, rules)";
    public string Usage => """
        Usage: sozial validate <definition.json> [--catalog <dir>] [--json]

        Loads the definition as the portal would and lists every problem with file, line and JSON path.
        Blocks and code lists come from the nearest folder with a catalog.json, or from --catalog.
        Exit codes: 0 valid (warnings may be listed), 1 problems listed, 2 unusable input.
        """;

    public int Run(CliContext context, IReadOnlyList<string> arguments)
    {
        var args = new CliArguments(arguments, new HashSet<string> { "--catalog" }, new HashSet<string> { "--json" });
        var path = args.Required(0, "definition");
        args.ExpectAtMost(1);
        if (!File.Exists(context.FullPath(path)))
        {
            context.Error.WriteLine($"sozial validate: {path}: file not found");
            return 2;
        }

        var result = CommandSupport.Load(context, args, path, Engine.FormEngineOptions.Default);
        if (args.Has("--json"))
        {
            var report = new JsonObject
            {
                ["valid"] = result.Success,
                ["problems"] = new JsonArray(result.Problems.Select(p => (JsonNode)CommandSupport.ToJson(p)).ToArray()),
            };
            context.Out.WriteLine(report.ToJsonString(CommandSupport.Json));
        }
        else
        {
            CommandSupport.PrintProblems(result.Success ? context.Out : context.Error, result.Problems);
            if (result.Success)
            {
                var definition = result.Engine!.Definition;
                context.Out.WriteLine($"{path}: valid — {definition.Reference}, {definition.Pages.Count} pages, {definition.AllFields().Count()} fields");
            }
            else context.Error.WriteLine($"{path}: {result.Errors.Count()} error(s)");
        }

        return result.Success ? 0 : 1;
    }
}
