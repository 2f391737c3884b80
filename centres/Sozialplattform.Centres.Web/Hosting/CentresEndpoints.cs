using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Sozialplattform.Centres.Records;
using Sozialplattform.Centres.Search;
using Sozialplattform.Centres.Web.Api;
using Sozialplattform.Centres.Web.Staff;

namespace Sozialplattform.Centres.Web.Hosting;

/// <summary>
/// <c>app.MapCounsellingCentres(portalPages)</c>: the finder's pages join the portal's (its layout, language switch and
/// security headers), the vCard download, the self-service of centre staff and the editorial team, the public API (described in the host's one OpenAPI document at <c>/openapi/v1.json</c>).
/// </summary>
public static class CentresEndpoints
{
    public static IEndpointRouteBuilder MapCounsellingCentres(this WebApplication app, RazorComponentsEndpointConventionBuilder portalPages)
    {
        portalPages.AddAdditionalAssemblies(typeof(CentresEndpoints).Assembly);
        app.MapGet("/{lang}/beratungsstellen/{id:guid}/kontakt.vcf", VCardAsync);
        app.MapCentresApi();
        app.MapCentreSelfService();
        return app;
    }

    private static async Task<IResult> VCardAsync(string lang, Guid id, CentreFinder finder, HttpContext http)
    {
        if (!CentreTexts.IsLanguage(lang) || await finder.FindAsync(id, http.RequestAborted) is not { } centre) return Results.NotFound();
        http.Response.Headers.XContentTypeOptions = "nosniff";
        return Results.File(Encoding.UTF8.GetBytes(VCard.Write(centre.Record, lang)), "text/vcard; charset=utf-8", "beratungsstelle.vcf");
    }
}
