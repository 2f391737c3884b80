using System.Text.Json;
using System.Text.Json.Nodes;
using Sozialplattform.Engine.Definitions;
using Sozialplattform.Engine.Evaluation;
using Sozialplattform.Web.Drafts;

namespace Sozialplattform.Web.SignIn;

/// <summary>
/// Fills the fields whose definition names an identity attribute (<c>prefill</c>) from the signed-in citizen's account:
/// an empty field gets the value, a field that may not be changed (<c>prefillEditable: false</c>) always gets it back
/// (and is shown, not asked: <see cref="FixedPaths"/>). Each filled path is recorded with the login's level (the page,
/// the PDF and the inbox mark it). Inside a repeating group only the first row is filled — the applicant's own row
/// (e.g. "Person 1" of a household) — once it exists; deeper nesting is not filled.
/// </summary>
public static class IdentityPrefill
{
    public static void Apply(Application application, CitizenIdentity identity)
    {
        var attributes = identity.Attributes ?? new Dictionary<string, string>();
        // The rows a repeating group starts with exist before the page is shown, so its first row can be filled at once.
        Wizard.RepeatRows.EnsureMinimum(application.Form.Definition.Root, application.Answers);
        foreach (var field in application.Form.Definition.AllFields().Where(f => f.Prefill is not null && f.RepeatDepth <= 1))
        {
            var name = field.Prefill![IdentityAttributes.Prefix.Length..];
            if (!attributes.TryGetValue(name, out var value) || Value(name, value) is not { } answer) continue;
            var path = field.PathTemplate.Replace("[]", "[0]", StringComparison.Ordinal);
            if (field.RepeatDepth == 1 && !FirstRowExists(application.Answers, field.PathTemplate)) continue;
            var segments = AnswerPath.Parse(path);
            // An answer the citizen may change stays as they left it; one they may not is always the account's.
            if (field.PrefillEditable && Current(application.Answers, segments) is not null) continue;
            AnswerPath.Set(application.Answers, segments, answer);
            application.Content.Prefilled[path] = identity.Level.ToString();
        }
    }

    /// <summary>The answer paths whose value came from the account and may not be changed: the page shows them and takes no input for them.</summary>
    public static IReadOnlySet<string> FixedPaths(Application application)
    {
        var fields = application.Form.Definition.AllFields().Where(f => f.Prefill is not null && !f.PrefillEditable)
            .Select(f => f.PathTemplate.Replace("[]", "[0]", StringComparison.Ordinal)).ToHashSet(StringComparer.Ordinal);
        return application.Content.Prefilled.Keys.Where(fields.Contains).ToHashSet(StringComparer.Ordinal);
    }

    private static bool FirstRowExists(JsonObject answers, string template)
    {
        var rows = AnswerPath.Parse(template[..template.IndexOf("[]", StringComparison.Ordinal)]);
        return Current(answers, rows) is JsonArray { Count: > 0 } array && array[0] is JsonObject;
    }

    private static JsonNode? Current(JsonObject answers, IReadOnlyList<AnswerPath.Segment> segments)
    {
        JsonNode? node = answers;
        foreach (var segment in segments)
            node = (segment, node) switch
            {
                (AnswerPath.Key key, JsonObject obj) => obj[key.Name],
                (AnswerPath.Index index, JsonArray array) when index.Value < array.Count => array[index.Value],
                _ => null,
            };
        return node;
    }

    /// <summary>The answer for an attribute: the text as it is, the OpenID Connect address object as the address field's parts.</summary>
    private static JsonNode? Value(string name, string value)
    {
        if (name != IdentityAttributes.Address) return JsonValue.Create(value);
        try
        {
            var address = JsonNode.Parse(value) as JsonObject;
            var street = address?["street_address"]?.GetValue<string>()?.Trim() ?? "";
            var split = street.LastIndexOf(' ');
            var hasNumber = split > 0 && char.IsAsciiDigit(street[split + 1]);
            return new JsonObject
            {
                ["street"] = hasNumber ? street[..split] : street, ["houseNumber"] = hasNumber ? street[(split + 1)..] : "",
                ["postalCode"] = address?["postal_code"]?.GetValue<string>() ?? "", ["city"] = address?["locality"]?.GetValue<string>() ?? "",
                ["country"] = address?["country"]?.GetValue<string>() ?? "DE",
            };
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
