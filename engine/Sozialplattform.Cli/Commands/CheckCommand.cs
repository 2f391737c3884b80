using System.Text.Json.Nodes;
using Sozialplattform.Engine;

namespace Sozialplattform.Cli.Commands;

/// <summary><c>sozial check &lt;definition&gt; &lt;answers&gt;</c>: the server's verdict on a set of answers.</summary>
public sealed class CheckCommand : ICliCommand
{
    public string Name => "check";
    public string Summary => "check answers against a definition, as the server does on submit";
    public string Usage => """
        Usage: sozial check <definition.json> <answers.json> [--lang <code>] [--json] [--today YYYY-MM-DD] [--catalog <dir>]

        Evaluates every rule (hidden answers are dropped, computed values recomputed) and lists every error
        and warning with the path of the answer, its code and the message in the chosen language.
        Exit codes: 0 valid (warnings may be listed), 1 invalid, 2 unusable input (definition or answers).
        """;

    public int Run(CliContext context, IReadOnlyList<string> arguments)
    {
        var args = new CliArguments(arguments, new HashSet<string> { "--lang", "--today", "--catalog" }, new HashSet<string> { "--json" });
        var definitionPath = args.Required(0, "definition");
        var answersPath = args.Required(1, "answers");
        args.ExpectAtMost(2);
        var language = CommandSupport.Language(args);
        var options = CommandSupport.Options(args);
        if (AnswerInput.Load(context, args, definitionPath, answersPath, options) is not var (engine, answers)) return 2;

        var result = engine.Validate(answers);
        if (args.Has("--json"))
        {
            var report = new JsonObject
            {
                ["valid"] = result.IsValid,
                ["errors"] = new JsonArray(result.Errors.Select(e => (JsonNode)CommandSupport.ToJson(e, language)).ToArray()),
                ["warnings"] = new JsonArray(result.Warnings.Select(e => (JsonNode)CommandSupport.ToJson(e, language)).ToArray()),
            };
            context.Out.WriteLine(report.ToJsonString(CommandSupport.Json));
        }
        else
        {
            foreach (var error in result.Errors) context.Out.WriteLine($"error    {error.Path}  [{error.Code}]  {error.Text(language)}");
            foreach (var warning in result.Warnings) context.Out.WriteLine($"warning  {warning.Path}  [{warning.Code}]  {warning.Text(language)}");
            context.Out.WriteLine(result.IsValid
                ? $"{answersPath}: valid for {engine.Definition.Reference} ({result.Warnings.Count} warning(s))"
                : $"{answersPath}: {result.Errors.Count} error(s), {result.Warnings.Count} warning(s)");
        }

        return result.IsValid ? 0 : 1;
    }
}
