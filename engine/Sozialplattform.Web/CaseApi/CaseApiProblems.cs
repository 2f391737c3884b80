using Microsoft.AspNetCore.Http;

namespace Sozialplattform.Web.CaseApi;

/// <summary>
/// Every refusal of the case API as RFC 7807 problem details with a stable <c>code</c> (the type URI ends in it): the
/// specialist system decides by the code; title and detail are for the people who read its logs.
/// </summary>
public static class CaseApiProblems
{
    private static readonly Dictionary<string, (int Status, string Title)> Codes = new()
    {
        ["token-invalid"] = (401, "No valid access token"),
        ["scope-missing"] = (403, "The token lacks the scope of this operation"),
        ["tenant"] = (403, "The client belongs to another tenant"),
        ["case-not-found"] = (404, "No such case for this authority"),
        ["document-not-found"] = (404, "No such document in this case"),
        ["rate-limited"] = (429, "Too many requests"),
        ["body-invalid"] = (400, "The request body is not the JSON this operation takes"),
        ["cursor-invalid"] = (400, "The cursor is not one this API gave out"),
        ["since-invalid"] = (400, "since must be an ISO 8601 instant with offset"),
        ["status-invalid"] = (400, "Unknown status"),
        ["message-required"] = (400, "This status needs a message to the applicant"),
        ["message-too-long"] = (400, "The message is too long"),
        ["textMissing"] = (400, "The message has no text"),
        ["textTooLong"] = (400, "The text is too long"),
        ["fileMissing"] = (400, "The decision has no PDF"),
        ["fileType"] = (415, "The decision is not a PDF"),
        ["fileTooLarge"] = (413, "The decision is larger than 10 MB"),
        ["empty"] = (400, "Nothing to send"),
        ["tooManyFiles"] = (400, "Too many files"),
    };

    public static IReadOnlyCollection<string> All => Codes.Keys;

    public static IResult Problem(string code, string? detail = null)
    {
        var (status, title) = Codes[code];
        return TypedResults.Problem(detail: detail, statusCode: status, title: title, type: CaseApiRoutes.ProblemTypes + code,
            extensions: new Dictionary<string, object?> { ["code"] = code });
    }

    public static Task WriteAsync(HttpContext http, string code, string? detail = null) => Problem(code, detail).ExecuteAsync(http);
}
