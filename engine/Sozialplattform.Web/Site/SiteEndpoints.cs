using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Sozialplattform.Web.Endpoints;
using Sozialplattform.Web.Hosting;

namespace Sozialplattform.Web.Site;

/// <summary>The public site's posts: the accessibility feedback form (antiforgery, rate limit per client address).</summary>
public static class SiteEndpoints
{
    public static void MapSiteEndpoints(this IEndpointRouteBuilder app) =>
        app.MapPost("/{lang}/barrierefreiheit/rueckmeldung", AccessibilityFeedback.PostAsync).PortalPost().RequireRateLimiting(DraftLimits.FeedbackPolicy);
}
