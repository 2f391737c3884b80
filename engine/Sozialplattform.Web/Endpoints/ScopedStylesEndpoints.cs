using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

using Sozialplattform.Web.Hosting;

namespace Sozialplattform.Web.Endpoints;

/// <summary>
/// The portal's stylesheet limited to <c>.citizen-field</c> elements (CSS <c>@scope</c>), so that another page — the
/// designer's preview — can show fields exactly as the portal does without the portal's page styles leaking into it.
/// </summary>
public static class ScopedStylesEndpoints
{
    public const string Path = "/css/portal-scoped.css";

    public static void MapScopedStylesEndpoints(this IEndpointRouteBuilder app)
    {
        string? css = null;
        app.MapGet(Path, (IWebHostEnvironment environment) =>
        {
            css ??= Scope(ReadPortalStyles(environment));
            return Results.Text(css, "text/css; charset=utf-8");
        }).CachedForAnHour();
    }

    internal static string Scope(string styles) => "@scope (.citizen-field) {\n" + styles.Replace(":root", ":scope") + "\n}\n";

    private static string ReadPortalStyles(IWebHostEnvironment environment)
    {
        using var stream = environment.WebRootFileProvider.GetFileInfo("css/portal.css").CreateReadStream();
        return new StreamReader(stream).ReadToEnd();
    }
}
