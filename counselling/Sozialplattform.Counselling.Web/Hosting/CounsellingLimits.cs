using System.Globalization;
using System.Net;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Sozialplattform.Storage.Logins;

namespace Sozialplattform.Counselling.Web.Hosting;

/// <summary>
/// The rate limits of the online counselling on the platform's rate limiter (ASP.NET Core's): registration, login,
/// password reset and posting a message, each per client address (<see cref="ClientAddress"/>), counted on posts only
/// (reading a page costs nothing). Messages are also limited per account (<see cref="PerAccount"/>), and login and
/// reset per pseudonym by the platform's <see cref="LoginProtection"/>. A refusal is 429 with <c>Retry-After</c> and
/// a German sentence (in the page's language where there is one).
/// </summary>
public static class CounsellingLimits
{
    public const string Register = "counselling-register";
    public const string Login = "counselling-login";
    public const string Reset = "counselling-reset";
    public const string Message = "counselling-message";

    public static void AddCounsellingLimits(this IServiceCollection services, CounsellingOptions options)
    {
        services.AddRateLimiter(limiter =>
        {
            limiter.AddPolicy(Register, new PostLimit(options.RegistrationsPerHour, TimeSpan.FromHours(1)));
            limiter.AddPolicy(Login, new PostLimit(options.LoginsPerMinute, TimeSpan.FromMinutes(1)));
            limiter.AddPolicy(Reset, new PostLimit(options.ResetsPerHour, TimeSpan.FromHours(1)));
            limiter.AddPolicy(Message, new PostLimit(options.MessagesPerMinute, TimeSpan.FromMinutes(1)));
        });
        services.AddSingleton(new PerAccount(options.MessagesPerAccountPerHour, TimeSpan.FromHours(1)));
    }

    /// <summary>The page the seeker or counsellor gets when a limit holds: 429, when to try again, and why.</summary>
    public static async Task RefuseAsync(HttpContext http, TimeSpan retryAfter, CancellationToken cancellationToken)
    {
        var lang = http.GetRouteValue("lang") as string ?? http.Request.Path.Value?.Split('/', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
        var texts = http.RequestServices.GetRequiredService<CounsellingTexts>();
        var language = CounsellingTexts.IsLanguage(lang) ? lang! : "de";
        var minutes = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalMinutes));
        http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        http.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        http.Response.ContentType = "text/html; charset=utf-8";
        var title = WebUtility.HtmlEncode(texts.Get(language, "limit.title"));
        var text = WebUtility.HtmlEncode(texts.Get(language, "limit.text", minutes));
        await http.Response.WriteAsync($"<!DOCTYPE html><html lang=\"{language}\"><head><meta charset=\"utf-8\"><title>{title}</title></head><body><main><h1>{title}</h1><p>{text}</p></main></body></html>", cancellationToken);
    }

    /// <summary>A fixed window per client address, counting posts only.</summary>
    private sealed class PostLimit(int permits, TimeSpan window) : IRateLimiterPolicy<string>
    {
        public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected => async (context, token) => await RefuseAsync(context.HttpContext, window, token);

        public RateLimitPartition<string> GetPartition(HttpContext http) =>
            !HttpMethods.IsPost(http.Request.Method) ? RateLimitPartition.GetNoLimiter("read")
            : RateLimitPartition.GetFixedWindowLimiter(ClientAddress.Of(http.Connection.RemoteIpAddress),
                _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = window, QueueLimit = 0 });
    }
}

/// <summary>
/// Messages per account (a seeker or a counsellor), a fixed window each, on the same rate-limiting library as the
/// per-address limits: one account cannot flood a conversation from many addresses. Per process, like the others.
/// </summary>
public sealed class PerAccount(int permits, TimeSpan window) : IDisposable
{
    private readonly PartitionedRateLimiter<Guid> _limiter = PartitionedRateLimiter.Create<Guid, Guid>(account =>
        RateLimitPartition.GetFixedWindowLimiter(account, _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = window, QueueLimit = 0 }));

    public TimeSpan Window => window;

    /// <summary>A page's answer when the account's limit holds: 429 with Retry-After, and the error to show beside the message.</summary>
    public CounsellingError Refusal(HttpContext http)
    {
        http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        http.Response.Headers.RetryAfter = ((int)Math.Ceiling(window.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        return new CounsellingError("message", "limitReached", Math.Max(1, (int)Math.Ceiling(window.TotalMinutes)));
    }

    /// <summary>True when the account may post one more message now (and counts it).</summary>
    public bool TryTake(Guid account)
    {
        using var lease = _limiter.AttemptAcquire(account);
        return lease.IsAcquired;
    }

    public void Dispose() => _limiter.Dispose();
}
