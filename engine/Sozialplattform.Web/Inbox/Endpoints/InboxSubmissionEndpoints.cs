using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Sozialplattform.Storage.Inbox;
using Sozialplattform.Web.Inbox.Documents;
using Sozialplattform.Web.Inbox.Session;

namespace Sozialplattform.Web.Inbox.Endpoints;

/// <summary>One submission: the detail page, its stored files (the PDF and the uploads) and its exports as JSON and XML. Each is a logged view.</summary>
public static class InboxSubmissionEndpoints
{
    public static void MapInboxSubmission(this RouteGroupBuilder inbox)
    {
        inbox.MapGet("/antraege/{id:guid}", (HttpContext http, Guid id, CaseworkerInbox storage, SubmissionView view, string? gespeichert) =>
            InboxPages.DetailAsync(http, storage, view, id, saved: gespeichert == "1"));

        inbox.MapGet("/antraege/{id:guid}/dateien/{fileId:guid}", async (HttpContext http, Guid id, Guid fileId, CaseworkerInbox storage) =>
            await storage.ReadFileAsync(http.Caseworker(), id, fileId, http.RequestAborted) is { } file
                ? Results.File(file.Content, file.MediaType, file.FileName)
                : InboxPages.NotFound());

        inbox.MapGet("/antraege/{id:guid}/antrag.json", async (HttpContext http, Guid id, CaseworkerInbox storage) =>
            await storage.ExportAsync(http.Caseworker(), id, "json", http.RequestAborted) is { } export
                ? Results.File(SubmissionExports.Json(export), "application/json; charset=utf-8", $"{export.ReferenceNumber}.json")
                : InboxPages.NotFound());

        inbox.MapGet("/antraege/{id:guid}/antrag.xml", async (HttpContext http, Guid id, CaseworkerInbox storage, SubmissionExports exports) =>
            await storage.ExportAsync(http.Caseworker(), id, "xml", http.RequestAborted) is { } export
                ? Results.File(await exports.XmlAsync(export, http.RequestAborted), "application/xml; charset=utf-8", $"{export.ReferenceNumber}.xml")
                : InboxPages.NotFound());
    }
}
