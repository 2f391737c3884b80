using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Http;
using Sozialplattform.Appointments.Booking;
using Sozialplattform.Appointments.Web.Hosting;

namespace Sozialplattform.Appointments.Web.Components.Pages;

/// <summary>
/// Base of the booking pages inside the portal's layout: the language from the route (unknown → 404), the texts in it,
/// and what pages with a token need (no referrer, no caching). Static server rendering, no JavaScript.
/// </summary>
public abstract class AppointmentPage : ComponentBase
{
    [Parameter] public string Lang { get; set; } = "de";

    [CascadingParameter] public HttpContext? Http { get; set; }

    [Inject] public AppointmentTexts Texts { get; set; } = null!;

    [Inject] public AppointmentsOptions Options { get; set; } = null!;

    protected bool Ready { get; private set; }

    protected sealed override async Task OnInitializedAsync()
    {
        if (!AppointmentTexts.IsLanguage(Lang))
        {
            SetStatus(StatusCodes.Status404NotFound);
            return;
        }

        Ready = await LoadAsync();
        if (!Ready) SetStatus(StatusCodes.Status404NotFound);
    }

    protected abstract Task<bool> LoadAsync();

    protected string T(string key, params object?[] args) => Texts.Get(Lang, key, args);

    protected string? Query(string name) => Http?.Request.Query[name].ToString() is { Length: > 0 } value ? value : null;

    protected string Form(string name) => Http?.Request.HasFormContentType == true ? Http.Request.Form[name].ToString() : "";

    protected bool IsPost => Http is not null && HttpMethods.IsPost(Http.Request.Method);

    protected string BaseUrl => Http is null ? "" : AppointmentsEndpoints.BaseUrl(Options, Http);

    protected CancellationToken Aborted => Http?.RequestAborted ?? CancellationToken.None;

    /// <summary>Pages whose address holds a token: the token must not leak through the referrer or a cache.</summary>
    protected void KeepTokenPrivate()
    {
        if (Http is null || Http.Response.HasStarted) return;
        Http.Response.Headers["Referrer-Policy"] = "no-referrer";
        Http.Response.Headers.CacheControl = "no-store";
    }

    protected string Refusal(BookingRefusal reason) => T($"refusal.{char.ToLowerInvariant(reason.ToString()[0])}{reason.ToString()[1..]}");

    protected void SetStatus(int status)
    {
        if (Http is not null && !Http.Response.HasStarted) Http.Response.StatusCode = status;
    }
}
