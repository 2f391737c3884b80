using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Sozialplattform.Web.Localization;

namespace Sozialplattform.Web.Endpoints;

/// <summary>Checks every portal route shares: a language first in the path; for posts a valid antiforgery token.</summary>
public static class PortalEndpointFilters
{
    public static RouteHandlerBuilder RequireLanguage(this RouteHandlerBuilder builder) =>
        builder.AddEndpointFilter(async (context, next) =>
            PortalLanguage.Find(context.HttpContext.GetRouteValue("lang") as string) is null ? Results.NotFound() : await next(context));

    /// <summary>
    /// A form post of the portal: the antiforgery middleware validates the token, and a post without a valid one is
    /// answered with 400 (the error page) before anything reads the form or stores anything.
    /// </summary>
    public static RouteHandlerBuilder PortalPost(this RouteHandlerBuilder builder) =>
        builder.RequireLanguage()
            .WithMetadata(new RequireAntiforgeryTokenAttribute())
            .AddEndpointFilter(async (context, next) =>
                context.HttpContext.Features.Get<IAntiforgeryValidationFeature>() is { IsValid: false } || !context.HttpContext.Request.HasFormContentType
                    ? Results.StatusCode(StatusCodes.Status400BadRequest)
                    : await next(context));
}
