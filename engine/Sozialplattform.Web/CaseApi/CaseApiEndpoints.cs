using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Sozialplattform.Storage.ApiClients;
using Sozialplattform.Storage.Cases;
using Sozialplattform.Storage.Entities;
using Sozialplattform.Storage.Inbox;
using Sozialplattform.Storage.Uploads;
using Sozialplattform.Web.Inbox.Documents;
using Sozialplattform.Web.Inbox.Notifications;
using Sozialplattform.Web.Wizard;

namespace Sozialplattform.Web.CaseApi;

/// <summary>
/// The operations of the case API under <c>/api/v1/cases</c>: the same storage calls as the inbox pages (so the same
/// gate and the same audit entries), with the API client as the caseworker. A case of another authority is 404 — as
/// for unknown ids, so a client learns nothing about other authorities' cases — and the attempt is audited.
/// </summary>
public static class CaseApiEndpoints
{
    public static void MapCaseApiOperations(this IEndpointRouteBuilder app)
    {
        var cases = app.MapGroup(CaseApiRoutes.Cases).WithTags("Cases").DisableAntiforgery().RequireRateLimiting(CaseApiRateLimit.Policy);
        Operation(cases.MapGet("", ListAsync), ApiScopes.Read, "listCases", "New and changed cases of the client's authority, oldest change first, by cursor")
            .Produces<CaseListDto>().ProducesProblem(StatusCodes.Status400BadRequest);
        Operation(cases.MapGet("/{id:guid}", FetchAsync), ApiScopes.Read, "getCase", "A case with its answers, documents, messages and status history (JSON)")
            .Produces<CaseDto>().ProducesProblem(StatusCodes.Status404NotFound);
        Operation(cases.MapGet("/{id:guid}/xml", XmlAsync), ApiScopes.Read, "getCaseXml", "The case's answers as XML (the inbox's XML export)")
            .Produces(StatusCodes.Status200OK, contentType: "application/xml").ProducesProblem(StatusCodes.Status404NotFound);
        Operation(cases.MapGet("/{id:guid}/documents/{documentId:guid}", DocumentAsync), ApiScopes.Read, "getDocument", "A document of the case (form PDF, attachment, hand-in, decision) as a download")
            .Produces(StatusCodes.Status200OK, contentType: "application/octet-stream").ProducesProblem(StatusCodes.Status404NotFound);
        Operation(cases.MapPost("/{id:guid}/acknowledgement", AcknowledgeAsync), ApiScopes.Acknowledge, "acknowledgeCase", "Confirms that the specialist system took the case (until it changes again)")
            .Produces<AcknowledgementDto>().ProducesProblem(StatusCodes.Status404NotFound);
        Operation(cases.MapPut("/{id:guid}/status", StatusAsync), ApiScopes.Status, "setStatus", "Sets the status the applicant sees (with a message; required for DocumentsRequested and Decided)")
            .Accepts<StatusChangeDto>("application/json").Produces<StatusDto>().ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);
        Operation(cases.MapPost("/{id:guid}/messages", MessageAsync), ApiScopes.Messages, "postMessage", "A message to the applicant (shown on the status page; an e-mail notice without content)")
            .Accepts<MessageInputDto>("application/json").Produces<SentDto>(StatusCodes.Status201Created).ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);
        Operation(cases.MapPost("/{id:guid}/decisions", DecisionAsync), ApiScopes.Decisions, "postDecision", "A decision (PDF, at most 10 MB) with an optional text, multipart/form-data: file, text")
            .Produces<SentDto>(StatusCodes.Status201Created).ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge).ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
    }

    private static RouteHandlerBuilder Operation(RouteHandlerBuilder endpoint, string scope, string name, string summary) =>
        endpoint.WithMetadata(new CaseApiScope(scope)).RequireAuthorization(new CaseApiScope(scope).Policy).WithName(name).WithSummary(summary)
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status429TooManyRequests);

    private static async Task<IResult> ListAsync(HttpContext http, CaseFeed feed, string? since = null, string? cursor = null, int? limit = null, bool? @new = null)
    {
        DateTime? from = null;
        if (since is not null)
        {
            if (!DateTimeOffset.TryParse(since, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed) || !HasOffset(since)) return CaseApiProblems.Problem("since-invalid");
            from = parsed.UtcDateTime;
        }

        CaseFeedPosition? after = null;
        if (cursor is not null && (after = Cursor.Read(cursor)) is null) return CaseApiProblems.Problem("cursor-invalid");
        var page = await feed.ChangedAsync(http.ApiClient(), from, after, @new ?? false, limit ?? 100, http.RequestAborted);
        return TypedResults.Ok(new CaseListDto(page.Items.Select(CaseSummaryDto.From).ToList(), page.Next is { } next ? Cursor.Write(next) : null));
    }

    private static async Task<IResult> FetchAsync(HttpContext http, Guid id, CaseworkerInbox inbox, CaseFeed feed) =>
        await inbox.OpenAsync(http.ApiClient(), id, http.RequestAborted) is { } detail
            ? TypedResults.Ok(CaseDto.From(detail))
            : await NotFoundAsync(http, feed, "submission.view", id);

    private static async Task<IResult> XmlAsync(HttpContext http, Guid id, CaseworkerInbox inbox, SubmissionExports exports, CaseFeed feed) =>
        await inbox.ExportAsync(http.ApiClient(), id, "xml", http.RequestAborted) is { } export
            ? Results.File(await exports.XmlAsync(export, http.RequestAborted), "application/xml; charset=utf-8", $"{export.ReferenceNumber}.xml")
            : await NotFoundAsync(http, feed, "submission.export", id);

    private static async Task<IResult> DocumentAsync(HttpContext http, Guid id, Guid documentId, CaseworkerInbox inbox, CaseFeed feed)
    {
        if (await inbox.ReadFileAsync(http.ApiClient(), id, documentId, http.RequestAborted) is { } file)
        {
            http.Response.Headers.XContentTypeOptions = "nosniff";
            return Results.File(file.Content, file.MediaType, file.FileName);
        }

        return await feed.RefusedAsync(http.ApiClient(), "submission.download", id, http.RequestAborted)
            ? CaseApiProblems.Problem("case-not-found")
            : CaseApiProblems.Problem("document-not-found");
    }

    private static async Task<IResult> AcknowledgeAsync(HttpContext http, Guid id, CaseFeed feed) =>
        await feed.AcknowledgeAsync(http.ApiClient(), id, http.RequestAborted) is { } at
            ? TypedResults.Ok(new AcknowledgementDto(id, at))
            : CaseApiProblems.Problem("case-not-found");

    private static async Task<IResult> StatusAsync(HttpContext http, Guid id, CaseworkerActions actions, CaseFeed feed)
    {
        if (await BodyAsync<StatusChangeDto>(http) is not { } change) return CaseApiProblems.Problem("body-invalid");
        if (!Enum.TryParse<SubmissionStatus>(change.Status, ignoreCase: false, out var status) || !Enum.IsDefined(status) || char.IsDigit(change.Status[0]))
            return CaseApiProblems.Problem("status-invalid", $"One of: {string.Join(", ", Enum.GetNames<SubmissionStatus>())}.");
        if (InboxInputRules.StatusProblem(status, change.Message) is { } problem) return CaseApiProblems.Problem(problem);
        return await actions.ChangeStatusAsync(http.ApiClient(), id, status, change.Message, http.RequestAborted)
            ? TypedResults.Ok(new StatusDto(id, status))
            : await NotFoundAsync(http, feed, "submission.status", id);
    }

    private static async Task<IResult> MessageAsync(HttpContext http, Guid id, CaseWork work, CaseNews news)
    {
        if (await BodyAsync<MessageInputDto>(http) is not { } input) return CaseApiProblems.Problem("body-invalid");
        return await SendAsync(http, id, input.Text, null, work, news);
    }

    private static async Task<IResult> DecisionAsync(HttpContext http, Guid id, CaseWork work, CaseNews news, IFormFile? file, [FromForm] string? text)
    {
        if (file is null || file.Length == 0) return CaseApiProblems.Problem("fileMissing", "Send the PDF as the form field 'file'.");
        if (file.Length > CaseMessages.MaxFileBytes) return CaseApiProblems.Problem("fileTooLarge");
        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, http.RequestAborted);
        var bytes = buffer.ToArray();
        return await SendAsync(http, id, text, new CaseFile(file.FileName, MediaTypes.Detect(bytes), bytes), work, news);
    }

    private static async Task<IResult> SendAsync(HttpContext http, Guid id, string? text, CaseFile? decision, CaseWork work, CaseNews news)
    {
        try
        {
            if (await work.SendAsync(http.ApiClient(), id, text, decision, http.RequestAborted) is not { } sent) return CaseApiProblems.Problem("case-not-found");
            await news.QueueAsync(http.ApiClient().TenantId, sent, http.RequestAborted);
            return TypedResults.Created(CaseApiRoutes.Case(id), new SentDto(id, sent.MessageId));
        }
        catch (CaseInputException refused)
        {
            return CaseApiProblems.Problem(refused.Code);
        }
    }

    private static async Task<IResult> NotFoundAsync(HttpContext http, CaseFeed feed, string action, Guid id)
    {
        await feed.RefusedAsync(http.ApiClient(), action, id, http.RequestAborted);
        return CaseApiProblems.Problem("case-not-found");
    }

    private static async Task<T?> BodyAsync<T>(HttpContext http) where T : class
    {
        if (http.Request.HasJsonContentType() is false) return null;
        try
        {
            return await http.Request.ReadFromJsonAsync<T>(http.RequestAborted);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static bool HasOffset(string text) => text.EndsWith('Z') || text.EndsWith('z') || (text.Length > 6 && text[^6] is '+' or '-' && text[^3] == ':');

    /// <summary>The opaque paging cursor: the last case's change time and inbox item, base64url.</summary>
    internal static class Cursor
    {
        public static string Write(CaseFeedPosition position) =>
            Convert.ToBase64String(Encoding.ASCII.GetBytes($"{position.ChangedAt.Ticks}:{position.ItemId:N}")).TrimEnd('=').Replace('+', '-').Replace('/', '_');

        public static CaseFeedPosition? Read(string cursor)
        {
            try
            {
                var padded = cursor.Replace('-', '+').Replace('_', '/');
                var text = Encoding.ASCII.GetString(Convert.FromBase64String(padded + new string('=', (4 - padded.Length % 4) % 4)));
                var parts = text.Split(':');
                return parts.Length == 2 && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks) && ticks <= DateTime.MaxValue.Ticks
                       && Guid.TryParseExact(parts[1], "N", out var item)
                    ? new CaseFeedPosition(new DateTime(ticks, DateTimeKind.Utc), item)
                    : null;
            }
            catch (FormatException)
            {
                return null;
            }
        }
    }
}
