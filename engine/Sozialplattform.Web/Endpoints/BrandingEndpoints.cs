using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Sozialplattform.Web.Catalog;
using Sozialplattform.Web.Hosting;

namespace Sozialplattform.Web.Endpoints;

/// <summary>The tenant's colours as a stylesheet and its logo.</summary>
public static class BrandingEndpoints
{
    public static void MapBrandingEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/branding.css", (PortalBranding branding) => Results.Text(branding.Css, "text/css; charset=utf-8")).CachedForAnHour();
        app.MapGet("/branding/logo.svg", (PortalBranding branding) =>
            branding.LogoPath is { } path && path.EndsWith(".svg", StringComparison.OrdinalIgnoreCase) && File.Exists(path)
                ? Results.File(path, "image/svg+xml")
                : Results.NotFound()).CachedForAnHour();
    }
}
