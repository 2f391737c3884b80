using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Sozialplattform.Storage.Cases;
using Sozialplattform.Storage.Submissions;
using Sozialplattform.Storage.Uploads;
using Sozialplattform.Web.Wizard;
using Sozialplattform.Web.Hosting;
using Sozialplattform.Web.Submissions;

namespace Sozialplattform.Web.Endpoints;

/// <summary>Status look-up by reference number and secret, and the applicant's PDF copy (only with the secret).</summary>
public static class StatusEndpoints
{
    public static void MapStatusEndpoints(this IEndpointRouteBuilder app)
    {
        // A reference and code that match lead to the status page; a mistyped one comes back to the form with the
        // error beside the code and the reference filled in again (unknown reference and wrong code alike).
        app.MapPost("/{lang}/status/abfragen", async (string lang, HttpContext http, StatusLookup lookup) =>
        {
            var form = await http.Request.ReadFormAsync(http.RequestAborted);
            var reference = form["nummer"].ToString().Trim().ToUpperInvariant();
            var secret = form["code"].ToString().Trim();
            if (reference.Length is 0 or > 40 || secret.Length is 0 or > 200) return Results.Redirect(PortalRoutes.StatusFormWithProblem(lang, "1", reference));
            return await lookup.FindAsync(reference, secret, http.RequestAborted) is null
                ? Results.Redirect(PortalRoutes.StatusFormWithProblem(lang, "code", reference))
                : Results.Redirect(PortalRoutes.Status(lang, reference, secret));
        }).PortalPost();

        app.MapPost("/{lang}/status/{reference}/nachreichen", HandInAsync).PortalPost();

        app.MapGet("/{lang}/status/{reference}/dateien/{fileId:guid}", async (string lang, string reference, Guid fileId, string? key, ApplicantCase cases, HttpContext http) =>
            string.IsNullOrEmpty(key) || await cases.ReadFileAsync(reference, key, fileId, http.RequestAborted) is not { } file
                ? Results.NotFound()
                : Results.File(file.Content, file.MediaType, file.FileName)).RequireLanguage();

        app.MapGet("/{lang}/eingang/{reference}/antrag.pdf", async (string lang, string reference, string? key, ApplicantPdf pdf, HttpContext http) =>
        {
            if (string.IsNullOrEmpty(key)) return Results.NotFound();
            var bytes = await pdf.RenderAsync(reference, key, lang, http.RequestAborted);
            return bytes is null ? Results.NotFound() : Results.File(bytes, "application/pdf", $"{reference}.pdf");
        }).RequireLanguage();
    }

    /// <summary>
    /// Documents and a message handed in later on the status page (secret in the form): stored in the same case with a
    /// receipt number, then back to the status page with that number — or with the problem beside the field.
    /// </summary>
    private static async Task<IResult> HandInAsync(string lang, string reference, HttpContext http, ApplicantCase cases)
    {
        IFormCollection form;
        try
        {
            form = await http.Request.ReadFormAsync(http.RequestAborted);
        }
        catch (Exception tooLarge) when (tooLarge is InvalidDataException or BadHttpRequestException)
        {
            return Results.NotFound(); // no readable form: not even the secret is known, so there is no page to return to
        }

        var secret = form["key"].ToString();
        var files = new List<CaseFile>();
        foreach (var upload in form.Files.GetFiles("dateien").Where(f => f.Length > 0).Take(CaseMessages.MaxFiles + 1))
        {
            if (upload.Length > CaseMessages.MaxFileBytes) return Results.Redirect(PortalRoutes.StatusAfterHandIn(lang, reference, secret, null, "fileTooLarge"));
            using var buffer = new MemoryStream();
            await upload.CopyToAsync(buffer, http.RequestAborted);
            var bytes = buffer.ToArray();
            files.Add(new CaseFile(upload.FileName, MediaTypes.Detect(bytes), bytes));
        }

        try
        {
            return await cases.HandInAsync(reference, secret, form["nachricht"].ToString(), files, http.RequestAborted) is { } receipt
                ? Results.Redirect(PortalRoutes.StatusAfterHandIn(lang, reference, secret, receipt.ReceiptNumber, null))
                : Results.NotFound();
        }
        catch (CaseInputException refused)
        {
            return Results.Redirect(PortalRoutes.StatusAfterHandIn(lang, reference, secret, null, refused.Code));
        }
    }
}
