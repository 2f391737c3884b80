using System.Text.Json.Nodes;
using Sozialplattform.Engine.Definitions;

namespace Sozialplattform.Web.Inbox.Notifications;

/// <summary>
/// Where the applicant's e-mail address for status e-mails comes from: the first answered field of type
/// <c>email</c> in form order, outside repeating groups (a household member's address is not the applicant's).
/// The portal stores it, encrypted, with the submission; without one there are no status e-mails.
/// </summary>
public static class ApplicantEmail
{
    public static string? From(FormDefinition definition, JsonObject cleanAnswers)
    {
        foreach (var field in definition.AllFields().Where(f => f.Type.Name == "email" && f.RepeatDepth == 0))
        {
            JsonNode? node = cleanAnswers;
            foreach (var key in field.PathTemplate.Split('.')) node = (node as JsonObject)?[key];
            if (node is JsonValue value && value.TryGetValue<string>(out var address) && address.Trim() is { Length: > 0 } trimmed) return trimmed;
        }

        return null;
    }
}
