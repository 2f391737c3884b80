using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Sozialplattform.Engine;
using Sozialplattform.Engine.Definitions;
using Sozialplattform.Engine.Validation;

namespace Sozialplattform.Cli;

/// <summary>What the engine commands share: loading a definition and answers, and printing findings.</summary>
public static class CommandSupport
{
    public static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static readonly JsonSerializerOptions CompactJson = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Options for <c>--today YYYY-MM-DD</c> (a fixed clock), else the shared defaults.</summary>
    public static FormEngineOptions Options(CliArguments args)
    {
        if (args.Option("--today") is not { } today) return FormEngineOptions.Default;
        if (!DateOnly.TryParseExact(today, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            throw new CliUsageException($"--today needs a date like 2026-11-25, not '{today}'");
        return new FormEngineOptions { Clock = new FixedClock(new DateTimeOffset(date.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero)) };
    }

    public static LoadResult Load(CliContext context, CliArguments args, string path, FormEngineOptions options) =>
        FormEngine.Load(context.FullPath(path), options, args.Option("--catalog") is { } catalog ? context.FullPath(catalog) : null);

    public static void PrintProblems(TextWriter writer, IEnumerable<DefinitionProblem> problems)
    {
        foreach (var problem in problems) writer.WriteLine(problem);
    }

    public static string Language(CliArguments args)
    {
        var language = args.Option("--lang") ?? "de";
        return System.Text.RegularExpressions.Regex.IsMatch(language, "^[a-z]{2,3}$")
            ? language
            : throw new CliUsageException($"--lang needs a language code like de, en, tr, ar, uk or ru, not '{language}'");
    }

    public static JsonObject ToJson(FieldError error, string language) => new()
    {
        ["path"] = error.Path,
        ["code"] = error.Code,
        ["args"] = JsonSerializer.SerializeToNode(error.Args.ToDictionary(a => a.Key, a => a.Value?.ToString())),
        ["message"] = error.Text(language),
    };

    public static JsonObject ToJson(DefinitionProblem problem) => new()
    {
        ["severity"] = problem.IsError ? "error" : "warning",
        ["code"] = problem.Code,
        ["message"] = problem.Message,
        ["file"] = problem.Location.File,
        ["path"] = problem.Location.JsonPath,
        ["line"] = problem.Location.Line,
        ["column"] = problem.Location.Column,
    };

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
