using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Http;
using Sozialplattform.Web.Localization;

namespace Sozialplattform.Web.Components.Pages;

/// <summary>
/// Base of every portal page: the language from the route (unknown → 404), the request's texts, and redirects
/// that work in static server rendering (post/redirect/get).
/// </summary>
public abstract class PortalPage : ComponentBase
{
    [Parameter] public string Lang { get; set; } = PortalLanguage.Default;

    [CascadingParameter] public HttpContext? Http { get; set; }

    [Inject] public PortalRequest R { get; set; } = null!;

    [Inject] public NavigationManager Navigation { get; set; } = null!;

    /// <summary>False when the page shows nothing of its own (unknown language, redirect, problem).</summary>
    protected bool Ready { get; private set; }

    protected sealed override async Task OnInitializedAsync()
    {
        if (PortalLanguage.Find(Lang) is null)
        {
            SetStatus(StatusCodes.Status404NotFound);
            return;
        }

        Ready = await LoadAsync();
    }

    /// <summary>Loads what the page shows; false if the page redirected or shows a problem instead.</summary>
    protected virtual Task<bool> LoadAsync() => Task.FromResult(true);

    protected bool Redirect(string url)
    {
        Navigation.NavigateTo(url);
        return false;
    }

    protected void SetStatus(int status)
    {
        if (Http is not null && !Http.Response.HasStarted) Http.Response.StatusCode = status;
    }

    protected string? Query(string name) => Http?.Request.Query[name].FirstOrDefault();
}
