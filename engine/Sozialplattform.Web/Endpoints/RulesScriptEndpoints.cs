using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Net.Http.Headers;
using Sozialplattform.Web.Catalog;

namespace Sozialplattform.Web.Endpoints;

/// <summary>
/// The browser's copy of a form version's rules (<c>FormEngine.ClientScript()</c>): one static script per
/// version and content hash, cached for a year — the URL changes when the content does, and the
/// Content-Security-Policy needs neither inline scripts nor <c>unsafe-eval</c>.
/// </summary>
public static class RulesScriptEndpoints
{
    private static readonly ConcurrentDictionary<string, string> Scripts = new(StringComparer.Ordinal);

    public static void MapRulesScriptEndpoints(this IEndpointRouteBuilder app) =>
        app.MapGet("/forms/{formId}/{version}/{hash}/rules.js", (string formId, string version, string hash, FormCatalog catalog, HttpContext http) =>
        {
            if (catalog.Find(formId, version) is not { } form || !form.Definition.ContentHash.StartsWith(hash, StringComparison.Ordinal) || hash.Length != 16)
                return Results.NotFound();
            http.Response.Headers[HeaderNames.CacheControl] = "public, max-age=31536000, immutable";
            return Results.Text(Scripts.GetOrAdd(form.Definition.Reference, _ => form.Engine.ClientScript()), "text/javascript; charset=utf-8");
        });
}
