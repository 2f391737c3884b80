using System.Text.Json.Nodes;

namespace Sozialplattform.Cli.Commands;

/// <summary><c>sozial state &lt;definition&gt; &lt;answers&gt;</c>: what every rule decided for these answers.</summary>
public sealed class StateCommand : ICliCommand
{
    public string Name => "state";
    public string Summary => "show visibility, required, read-only and computed values for answers";
    public string Usage => """
        Usage: sozial state <definition.json> <answers.json> [--json] [--today YYYY-MM-DD] [--catalog <dir>]

        Prints every page and every element occurrence (one per row inside repeating groups) with its state,
        and the answers as they would be submitted.
        Exit codes: 0 printed, 2 unusable input.
        """;

    public int Run(CliContext context, IReadOnlyList<string> arguments)
    {
        var args = new CliArguments(arguments, new HashSet<string> { "--today", "--catalog" }, new HashSet<string> { "--json" });
        var definitionPath = args.Required(0, "definition");
        var answersPath = args.Required(1, "answers");
        args.ExpectAtMost(2);
        if (AnswerInput.Load(context, args, definitionPath, answersPath, CommandSupport.Options(args)) is not var (engine, answers)) return 2;

        var state = engine.Evaluate(answers);
        if (args.Has("--json"))
        {
            var report = new JsonObject
            {
                ["pages"] = new JsonArray(state.Pages.Select(p => (JsonNode)new JsonObject { ["id"] = p.Page.Id, ["visible"] = p.Visible }).ToArray()),
                ["elements"] = new JsonArray(state.Elements.Select(e => (JsonNode)new JsonObject
                {
                    ["path"] = e.Path,
                    ["visible"] = e.Visible,
                    ["required"] = e.Required,
                    ["readOnly"] = e.ReadOnly,
                    ["value"] = e.Value?.DeepClone(),
                    ["rows"] = e.Definition is Engine.Definitions.GroupDefinition { IsRepeating: true } ? e.Rows : null,
                    ["ruleFailure"] = e.RuleFailure,
                }).ToArray()),
                ["answers"] = state.Answers.DeepClone(),
            };
            context.Out.WriteLine(report.ToJsonString(CommandSupport.Json));
            return 0;
        }

        foreach (var page in state.Pages) context.Out.WriteLine($"page {page.Page.Id,-30} {(page.Visible ? "visible" : "hidden")}");
        foreach (var element in state.Elements)
        {
            var flags = string.Join(' ', new[] { element.Visible ? "visible" : "hidden", element.Required ? "required" : "", element.ReadOnly ? "read-only" : "" }.Where(f => f.Length > 0));
            var value = element.Value is null ? "" : " = " + element.Value.ToJsonString(CommandSupport.CompactJson);
            context.Out.WriteLine($"{element.Path,-40} {flags}{value}");
        }

        return 0;
    }
}
