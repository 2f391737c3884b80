using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Sozialplattform.Delivery.Routing;
using Sozialplattform.Web.Catalog;
using Sozialplattform.Web.Drafts;
using Sozialplattform.Web.Hosting;
using Sozialplattform.Web.Localization;
using Sozialplattform.Web.SignIn;
using Sozialplattform.Web.Wizard;

namespace Sozialplattform.Web.Endpoints;

/// <summary>Starting an application: the root redirects to a language; "start" creates a draft on the latest published version.</summary>
public static class ServiceEndpoints
{
    public static void MapServiceEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/", (HttpContext http) => Results.Redirect(PortalRoutes.Home(PreferredLanguage(http))));

        app.MapPost("/{lang}/leistungen/{formId}/starten", async (string lang, string formId, HttpContext http, FormCatalog catalog, ApplicationStore applications, LoginGate login,
            ChosenDestinations destinations, PortalOptions options) =>
        {
            if (catalog.Latest(formId) is not { } service) return Results.NotFound();
            // Nobody can sign in to send it: no draft is started; the service page says why.
            if (!login.CanServe(service.Definition)) return Results.Redirect(PortalRoutes.Service(lang, formId));
            var posted = await http.Request.ReadFormAsync(http.RequestAborted);
            ChosenDestination? destination = null;
            if (FormJourney.IsContactRequest(service.Definition))
            {
                // A contact request starts only with its destination (chosen in the finder); a refused one starts nothing.
                var key = posted["ziel"].ToString();
                var found = key.Length is > 0 and <= 100 ? await destinations.ResolveAsync(options.Tenant, key, http.RequestAborted) : null;
                if (found?.Destination is not { } chosen)
                    return Results.Redirect($"{PortalRoutes.Service(lang, formId)}?ziel={Uri.EscapeDataString(found?.Refusal?.Code ?? "missing")}#{PortalRoutes.StartAnchor}");
                destination = new ChosenDestination(chosen.Id, chosen.Name);
            }

            var application = await applications.StartAsync(http, service, destination);

            var start = FormJourney.Start(lang, application.DraftId, service.Definition, service.Engine.Evaluate(application.Answers));
            var place = DeepLinks.Place(posted["ort"]);
            return Results.Redirect(place is not null && start == PortalRoutes.Place(lang, application.DraftId) ? $"{start}?suche={Uri.EscapeDataString(place)}" : start);
        }).PortalPost().RequireRateLimiting(DraftLimits.StartPolicy);

        app.MapGet("/{lang}/leistungen/leika/{key}", (string lang, string key, string? ort, FormCatalog catalog) =>
        {
            var services = DeepLinks.ByLeikaKey(catalog, key);
            var place = DeepLinks.Place(ort);
            return services.Count switch
            {
                0 => Results.NotFound(),
                1 => Results.Redirect(PortalRoutes.Service(lang, services[0].Id) + (place is null ? "" : $"?ort={Uri.EscapeDataString(place)}")),
                _ => Results.Redirect($"{PortalRoutes.Home(lang)}?leika={Uri.EscapeDataString(key)}"),
            };
        }).RequireLanguage();
    }

    /// <summary>The first of the browser's languages the portal speaks, else German.</summary>
    private static string PreferredLanguage(HttpContext http) =>
        http.Request.GetTypedHeaders().AcceptLanguage
            .OrderByDescending(l => l.Quality ?? 1)
            .Select(l => PortalLanguage.Find(l.Value.Value?.Split('-')[0].ToLowerInvariant()))
            .FirstOrDefault(l => l is not null)?.Code ?? PortalLanguage.Default;
}
