using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Sozialplattform.Web.Drafts;
using Sozialplattform.Web.Hosting;
using Sozialplattform.Web.Places;
using Sozialplattform.Web.Wizard;

namespace Sozialplattform.Web.Endpoints;

/// <summary>The place step: a search (postal code or municipality) shows choices; a choice is routed and stored in the draft.</summary>
public static class PlaceEndpoints
{
    public static void MapPlaceEndpoints(this IEndpointRouteBuilder app) =>
        app.MapPost("/{lang}/antrag/{draftId:guid}/ort/waehlen", async (string lang, Guid draftId, HttpContext http, ApplicationStore applications, PlaceSelection places) =>
        {
            var form = await http.Request.ReadFormAsync(http.RequestAborted);
            var placeUrl = PortalRoutes.Place(lang, draftId);
            var (application, _) = await applications.OpenAsync(http, draftId);
            if (application is null) return Results.Redirect(placeUrl);
            if (!FormJourney.AsksPlace(application.Engine.Definition)) return Results.Redirect(FormJourney.Start(lang, draftId, application.Engine.Definition, application.Engine.Evaluate(application.Answers)));

            var choice = PlaceOption.Decode(form["wahl"]);
            if (choice is null)
            {
                var search = form["ort"].ToString().Trim();
                var found = search.Length == 0 ? null : await places.SearchAsync(search);
                if (found is not { Ambiguous: false, Options.Count: 1 }) return Results.Redirect($"{placeUrl}?suche={Uri.EscapeDataString(search)}");
                choice = PlaceOption.Decode(found.Options[0].Encode());
            }

            var (postalCode, ars, placeName) = choice!.Value;
            var (place, _) = await places.ChooseAsync(application.Form, postalCode, ars, placeName);
            if (place is null) return Results.Redirect($"{placeUrl}?suche={Uri.EscapeDataString(postalCode)}&fehler=zustaendigkeit");
            application.Content.Place = place;
            var problem = await applications.SaveAsync(application, http.RequestAborted);
            return problem == SaveProblem.None ? Results.Redirect(placeUrl) : Results.StatusCode(UnsavedApplication.StatusCode(problem));
        }).PortalPost().RequireRateLimiting(DraftLimits.SavePolicy);
}
