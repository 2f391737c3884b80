using Microsoft.AspNetCore.Http;
using Sozialplattform.Web.Localization;

namespace Sozialplattform.Web.Endpoints;

/// <summary>Every portal route starts with a language; an unknown one is "not found".</summary>
public static class PortalEndpointFilters
{
    public static RouteHandlerBuilder RequireLanguage(this RouteHandlerBuilder builder) =>
        builder.AddEndpointFilter(async (context, next) =>
            PortalLanguage.Find(context.HttpContext.GetRouteValue("lang") as string) is null ? Results.NotFound() : await next(context));
}
