using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Http;
using Sozialplattform.Counselling.Storage;
using Sozialplattform.Counselling.Web.Hosting;
using Sozialplattform.Counselling.Web.Seeker;

namespace Sozialplattform.Counselling.Web.Components.Pages;

/// <summary>
/// Base of the seeker's pages inside the portal's layout: the language from the route (unknown → 404), the texts, the
/// signed-in seeker (pages that need one send everyone else to the login), and nothing cached or sent as referrer.
/// Static server rendering; every form is a plain post with the antiforgery token, no JavaScript.
/// </summary>
public abstract class SeekerPage : ComponentBase
{
    [Parameter] public string Lang { get; set; } = "de";

    [CascadingParameter] public HttpContext? Http { get; set; }

    [Inject] public CounsellingTexts Texts { get; set; } = null!;

    [Inject] public CounsellingOptions Options { get; set; } = null!;

    [Inject] public NavigationManager Navigation { get; set; } = null!;

    protected SeekerRow? Seeker { get; private set; }

    protected bool Ready { get; private set; }

    /// <summary>Pages only for a signed-in seeker.</summary>
    protected virtual bool NeedsSeeker => false;

    protected sealed override async Task OnInitializedAsync()
    {
        if (!CounsellingTexts.IsLanguage(Lang) || Http is null)
        {
            SetStatus(StatusCodes.Status404NotFound);
            return;
        }

        Http.Response.Headers.CacheControl = "no-store";
        Http.Response.Headers["Referrer-Policy"] = "no-referrer";
        Seeker = await SeekerSession.CurrentAsync(Http);
        if (NeedsSeeker && Seeker is null)
        {
            Navigation.NavigateTo(CounsellingRoutes.Login(Lang, CentreQuery, Query("thema")));
            return;
        }

        Ready = await LoadAsync();
        if (!Ready) SetStatus(StatusCodes.Status404NotFound);
    }

    protected virtual Task<bool> LoadAsync() => Task.FromResult(true);

    protected string T(string key, params object?[] args) => Texts.Get(Lang, key, args);

    protected string Error(CounsellingError error) => Texts.Error(Lang, error);

    protected string? Query(string name) => Http?.Request.Query[name].ToString() is { Length: > 0 } value ? value : null;

    protected Guid? CentreQuery => Guid.TryParse(Query("stelle"), out var id) ? id : null;

    protected string Form(string name) => Http?.Request.HasFormContentType == true ? Http.Request.Form[name].ToString() : "";

    protected string ClientAddress => Sozialplattform.Storage.Logins.ClientAddress.Of(Http?.Connection.RemoteIpAddress);

    protected string BaseUrl => Http is null ? "" : CounsellingServices.BaseUrl(Options, Http);

    protected CancellationToken Aborted => Http?.RequestAborted ?? CancellationToken.None;

    protected void SetStatus(int status)
    {
        if (Http is not null && !Http.Response.HasStarted) Http.Response.StatusCode = status;
    }
}
