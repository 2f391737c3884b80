using System.Text.Json.Nodes;
using Sozialplattform.Engine;

namespace Sozialplattform.Cli.Commands;

/// <summary>Loads a definition and an answers file for the commands that need both; prints why when it cannot.</summary>
internal static class AnswerInput
{
    public static (FormEngine Engine, JsonObject Answers)? Load(CliContext context, CliArguments args, string definitionPath, string answersPath, FormEngineOptions options)
    {
        var loaded = CommandSupport.Load(context, args, definitionPath, options);
        if (!loaded.Success)
        {
            CommandSupport.PrintProblems(context.Error, loaded.Problems);
            context.Error.WriteLine($"{definitionPath}: the definition has errors; run 'sozial validate' for details");
            return null;
        }

        var fullAnswersPath = context.FullPath(answersPath);
        if (!File.Exists(fullAnswersPath))
        {
            context.Error.WriteLine($"{answersPath}: file not found");
            return null;
        }

        var read = AnswerReader.ReadFile(fullAnswersPath, options.AnswerLimits);
        if (!read.Success)
        {
            context.Error.WriteLine($"{answersPath}: {read.Problem!.Text("en")}");
            return null;
        }

        return (loaded.Engine!, read.Answers!);
    }
}
