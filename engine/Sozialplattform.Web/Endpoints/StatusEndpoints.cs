using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Sozialplattform.Web.Hosting;
using Sozialplattform.Web.Submissions;

namespace Sozialplattform.Web.Endpoints;

/// <summary>Status look-up by reference number and secret, and the applicant's PDF copy (only with the secret).</summary>
public static class StatusEndpoints
{
    public static void MapStatusEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/{lang}/status/abfragen", async (string lang, HttpContext http) =>
        {
            var form = await http.Request.ReadFormAsync(http.RequestAborted);
            var reference = form["nummer"].ToString().Trim().ToUpperInvariant();
            var secret = form["code"].ToString().Trim();
            return reference.Length is > 0 and <= 40 && secret.Length is > 0 and <= 200
                ? Results.Redirect(PortalRoutes.Status(lang, reference, secret))
                : Results.Redirect(PortalRoutes.StatusForm(lang) + "?fehler=1");
        }).PortalPost();

        app.MapGet("/{lang}/eingang/{reference}/antrag.pdf", async (string lang, string reference, string? key, ApplicantPdf pdf, HttpContext http) =>
        {
            if (string.IsNullOrEmpty(key)) return Results.NotFound();
            var bytes = await pdf.RenderAsync(reference, key, lang, http.RequestAborted);
            return bytes is null ? Results.NotFound() : Results.File(bytes, "application/pdf", $"{reference}.pdf");
        }).RequireLanguage();
    }
}
