using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Sozialplattform.Engine.Definitions;
using Sozialplattform.Engine.Validation;

namespace Sozialplattform.Engine;

/// <summary>The answers of a request, or why they could not be read (as a finding with code and arguments).</summary>
public sealed record AnswerReadResult(JsonObject? Answers, FieldError? Problem)
{
    public bool Success => Answers is not null;
}

/// <summary>Reads answers from outside: size and depth limits, no duplicate keys, errors with line and column.</summary>
public static class AnswerReader
{
    public static AnswerReadResult Read(string json, AnswerLimits limits) => Read(Encoding.UTF8.GetBytes(json), limits);

    public static AnswerReadResult ReadFile(string path, AnswerLimits limits)
    {
        var size = new FileInfo(path).Length;
        if (size > limits.MaxBytes) return TooLarge(size, limits);
        return Read(File.ReadAllBytes(path), limits);
    }

    public static AnswerReadResult Read(ReadOnlySpan<byte> utf8, AnswerLimits limits)
    {
        if (utf8.Length > limits.MaxBytes) return TooLarge(utf8.Length, limits);
        if (utf8.StartsWith("\uFEFF"u8)) utf8 = utf8[3..];
        try
        {
            var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { MaxDepth = limits.MaxDepth, CommentHandling = JsonCommentHandling.Disallow });
            var node = JsonNode.Parse(ref reader, new JsonNodeOptions { PropertyNameCaseInsensitive = false });
            if (reader.Read()) return Fail("answers.json", ("line", 0), ("column", 0), ("message", "unexpected content after the JSON document"));
            if (node is not JsonObject answers) return Fail("answers.notObject");
            Materialize(answers);
            return new AnswerReadResult(answers, null);
        }
        catch (JsonException error)
        {
            return Fail("answers.json", ("line", (error.LineNumber ?? 0) + 1), ("column", (error.BytePositionInLine ?? 0) + 1), ("message", Clean(error.Message)));
        }
        catch (ArgumentException duplicate)
        {
            return Fail("answers.json", ("line", 0), ("column", 0), ("message", "a key appears twice in one object: " + duplicate.Message));
        }
    }

    /// <summary>JsonObject builds its dictionary lazily; touching every node surfaces duplicate keys here, not later.</summary>
    private static void Materialize(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var property in obj) Materialize(property.Value);
                break;
            case JsonArray array:
                foreach (var item in array) Materialize(item);
                break;
        }
    }

    private static AnswerReadResult TooLarge(long size, AnswerLimits limits) =>
        Fail("answers.tooLarge", ("size", size), ("max", limits.MaxBytes));

    private static AnswerReadResult Fail(string code, params (string Name, object? Value)[] args) =>
        new(null, new FieldError("", code, args.ToDictionary(a => a.Name, a => a.Value), Severity.Error));

    private static string Clean(string message)
    {
        var index = message.IndexOf(" Path:", StringComparison.Ordinal);
        return index > 0 ? message[..index] : message;
    }
}
