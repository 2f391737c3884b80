using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Sozialplattform.Storage.Entities;
using Sozialplattform.Storage.Inbox;
using Sozialplattform.Web.Inbox.Endpoints;

namespace Sozialplattform.Web.Inbox.Session;

/// <summary>
/// What every inbox route shares: no caching of personal data, the request's language; for the pages behind the
/// login the signed-in account (else a redirect to the login page) in the role the page is for (else 403); for posts
/// a valid antiforgery token.
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
            http.Response.Headers.CacheControl = Hosting.SecurityHeaders.NoStore;
            http.RequestServices.GetRequiredService<InboxRequest>().Use(http);
            return await next(context);
        });

    /// <summary>The submission pages (list, detail, files, exports, changes, deadlines): caseworkers and leads; an operator gets 403.</summary>
    public static RouteGroupBuilder RequireCaseworker(this RouteGroupBuilder group) => group.RequireAccount(operators: false);

    /// <summary>The operations page: operators only; a caseworker or lead gets 403.</summary>
    public static RouteGroupBuilder RequireOperator(this RouteGroupBuilder group) => group.RequireAccount(operators: true);

    private static RouteGroupBuilder RequireAccount(this RouteGroupBuilder group, bool operators) =>
        group.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            var caseworker = await InboxAuthentication.CurrentAsync(http);
            if (caseworker is null)
                return HttpMethods.IsGet(http.Request.Method) ? Results.Redirect(InboxRoutes.LoginReturning(http.Request.Path + http.Request.QueryString)) : Results.Redirect(InboxRoutes.Login);
            http.Items[CaseworkerKey] = caseworker;
            var isOperator = caseworker.Role == CaseworkerRole.Operator;
            var authority = isOperator ? null : await http.RequestServices.GetRequiredService<CaseworkerAccounts>().AuthorityNameAsync(caseworker, http.RequestAborted);
            http.RequestServices.GetRequiredService<InboxRequest>().Use(http, caseworker, authority);
            return isOperator == operators ? await next(context) : InboxPages.Forbidden();
        });

    /// <summary>A form post: without a valid antiforgery token it is refused with 400 (a page saying so) before anything is read or stored.</summary>
    public static RouteHandlerBuilder InboxPost(this RouteHandlerBuilder builder) =>
        builder.WithMetadata(new RequireAntiforgeryTokenAttribute())
            .AddEndpointFilter(async (context, next) =>
                context.HttpContext.Features.Get<IAntiforgeryValidationFeature>() is { IsValid: false } || !context.HttpContext.Request.HasFormContentType
                    ? InboxPages.BadForm()
                    : await next(context));
}
