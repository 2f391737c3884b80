using System.Text.Json;
using System.Text.Json.Nodes;
using Sozialplattform.Engine.Definitions;
using Sozialplattform.Web.Drafts;

namespace Sozialplattform.Web.SignIn;

/// <summary>
/// Fills the fields whose definition names an identity attribute (<c>prefill</c>) from the signed-in citizen's account:
/// an empty field gets the value, a field that may not be changed (<c>prefillEditable: false</c>) always gets it back.
/// Each filled path is recorded with the login's level (the page marks it). Fields inside repeating groups are not filled.
/// </summary>
public static class IdentityPrefill
{
    public static void Apply(Application application, CitizenIdentity identity)
    {
        var attributes = identity.Attributes ?? new Dictionary<string, string>();
        foreach (var field in application.Form.Definition.AllFields().Where(f => f.Prefill is not null && f.RepeatDepth == 0))
        {
            var name = field.Prefill![IdentityAttributes.Prefix.Length..];
            if (!attributes.TryGetValue(name, out var value) || Value(name, value) is not { } answer) continue;
            var (parent, key) = Slot(application.Answers, field.PathTemplate);
            // An answer the citizen may change stays as they left it; one they may not is always the account's.
            if (parent[key] is not null && field.PrefillEditable) continue;
            parent[key] = answer;
            application.Content.Prefilled[field.PathTemplate] = identity.Level.ToString();
        }
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

    /// <summary>The object that holds the answer at <paramref name="path"/> (groups are nested objects, created as needed) and the answer's key.</summary>
    private static (JsonObject Parent, string Key) Slot(JsonObject answers, string path)
    {
        var keys = path.Split('.');
        var parent = answers;
        foreach (var key in keys[..^1])
        {
            if (parent[key] is not JsonObject child) parent[key] = child = [];
            parent = child;
        }

        return (parent, keys[^1]);
    }
}
