using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Sozialplattform.Web.Components;
using Sozialplattform.Web.Components.Pages;
using Sozialplattform.Web.Drafts;

namespace Sozialplattform.Web.Endpoints;

/// <summary>
/// The error page for status codes and exceptions. It answers every method, because the original request is
/// re-executed as it was (a failed post stays a post), and it needs no antiforgery token.
/// </summary>
public static class ErrorEndpoints
{
    public static void MapErrorEndpoints(this IEndpointRouteBuilder app) =>
        app.MapMethods("/fehler/{code:int}", [HttpMethods.Get, HttpMethods.Post, HttpMethods.Head], (int code, HttpContext http) =>
        {
            // A page that set 404 has already written the header the component renderer adds again.
            http.Response.Headers.Remove("blazor-enhanced-nav");
            var problem = http.Items[ApplicationProblemView.HttpItem] as ApplicationProblem? ?? ApplicationProblem.None;
            return new RazorComponentResult<ErrorDocument>(new { Code = http.Response.StatusCode >= 400 ? http.Response.StatusCode : code, Problem = problem });
        });
}
