using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Sozialplattform.Engine.Definitions;

namespace Sozialplattform.Engine.Reading;

/// <summary>Reads definition JSON with line information, rejecting duplicate keys, deep nesting and trailing content.</summary>
public static class JsonDocumentReader
{
    public const int MaxDepth = 64;
    public const long MaxDefinitionBytes = 20 * 1024 * 1024;

    public static JToken? Read(string text, string file, ProblemList problems)
    {
        try
        {
            using var reader = new JsonTextReader(new StringReader(text))
            {
                MaxDepth = MaxDepth,
                DateParseHandling = DateParseHandling.None,
                FloatParseHandling = FloatParseHandling.Decimal,
            };
            var token = JToken.ReadFrom(reader, new JsonLoadSettings
            {
                DuplicatePropertyNameHandling = DuplicatePropertyNameHandling.Error,
                LineInfoHandling = LineInfoHandling.Load,
                CommentHandling = CommentHandling.Ignore,
            });
            while (reader.Read())
            {
                if (reader.TokenType != JsonToken.Comment)
                {
                    problems.Error(DefinitionProblemCodes.JsonTrailingContent, "unexpected content after the end of the JSON document", new SourceLocation(file, "", reader.LineNumber, reader.LinePosition));
                    return null;
                }
            }

            return token;
        }
        catch (JsonReaderException error)
        {
            var message = Clean(error.Message);
            problems.Error(DefinitionProblemCodes.JsonSyntax, message, new SourceLocation(file, error.Path ?? "", error.LineNumber, error.LinePosition), message);
            return null;
        }
    }

    public static SourceLocation Location(JToken token, string file)
    {
        var info = (IJsonLineInfo)token;
        return new SourceLocation(file, token.Path, info.HasLineInfo() ? info.LineNumber : 0, info.HasLineInfo() ? info.LinePosition : 0);
    }

    /// <summary>Json.NET appends "Path '…', line n, position m." — the location is reported separately.</summary>
    private static string Clean(string message)
    {
        var index = message.IndexOf(" Path '", StringComparison.Ordinal);
        if (index < 0) index = message.IndexOf(", line ", StringComparison.Ordinal);
        return (index > 0 ? message[..index] : message).TrimEnd('.', ',');
    }
}
