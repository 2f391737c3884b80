using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Sozialplattform.Storage.Entities;
using Sozialplattform.Storage.Inbox;

namespace Sozialplattform.Web.Inbox.Session;

/// <summary>
/// What every inbox route shares: no caching of personal data, the request's language; for the pages behind the
/// login the signed-in caseworker (else a redirect to the login page); for posts a valid antiforgery token.
/// </summary>
public static class InboxFilters
{
    private const string CaseworkerKey = "sozial.inbox.caseworker";

    /// <summary>The caseworker the filter found for this request (only on routes with <see cref="RequireCaseworker"/>).</summary>
    public static CaseworkerAccount Caseworker(this HttpContext http) =>
        http.Items[CaseworkerKey] as CaseworkerAccount ?? throw new InvalidOperationException("The route has no RequireCaseworker filter.");

    public static TBuilder NoStore<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            http.Response.Headers.CacheControl = "no-store";
            http.RequestServices.GetRequiredService<InboxRequest>().Use(http);
            return await next(context);
        });

    public static RouteGroupBuilder RequireCaseworker(this RouteGroupBuilder group) =>
        group.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            var caseworker = await InboxAuthentication.CurrentAsync(http);
            if (caseworker is null)
                return HttpMethods.IsGet(http.Request.Method) ? Results.Redirect(InboxRoutes.LoginReturning(http.Request.Path + http.Request.QueryString)) : Results.Redirect(InboxRoutes.Login);
            http.Items[CaseworkerKey] = caseworker;
            var authority = await http.RequestServices.GetRequiredService<CaseworkerAccounts>().AuthorityNameAsync(caseworker, http.RequestAborted);
            http.RequestServices.GetRequiredService<InboxRequest>().Use(http, caseworker, authority);
            return await next(context);
        });

    /// <summary>A form post: without a valid antiforgery token it is refused with 400 before anything is read or stored.</summary>
    public static RouteHandlerBuilder InboxPost(this RouteHandlerBuilder builder) =>
        builder.WithMetadata(new RequireAntiforgeryTokenAttribute())
            .AddEndpointFilter(async (context, next) =>
                context.HttpContext.Features.Get<IAntiforgeryValidationFeature>() is { IsValid: false } || !context.HttpContext.Request.HasFormContentType
                    ? Results.StatusCode(StatusCodes.Status400BadRequest)
                    : await next(context));
}
