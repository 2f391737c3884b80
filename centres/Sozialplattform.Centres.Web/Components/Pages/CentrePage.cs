using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Http;
using Sozialplattform.Centres.Records;
using Sozialplattform.Centres.Web.Hosting;

namespace Sozialplattform.Centres.Web.Components.Pages;

/// <summary>
/// Base of the finder's pages inside the portal's layout: the language from the route (unknown → 404) and the
/// finder's texts in it. Pages are static server-rendered and work without JavaScript.
/// </summary>
public abstract class CentrePage : ComponentBase
{
    [Parameter] public string Lang { get; set; } = "de";

    [CascadingParameter] public HttpContext? Http { get; set; }

    [Inject] public CentreTexts Texts { get; set; } = null!;

    protected bool Ready { get; private set; }

    protected sealed override async Task OnInitializedAsync()
    {
        if (!CentreTexts.IsLanguage(Lang))
        {
            SetStatus(StatusCodes.Status404NotFound);
            return;
        }

        Ready = await LoadAsync();
    }

    protected abstract Task<bool> LoadAsync();

    protected string T(string key, params object?[] args) => Texts.Get(Lang, key, args);

    /// <summary>A centre's text in the page's language, German when the centre has none (with <paramref name="german"/> true).</summary>
    protected string Text(Records.Texts text, out bool german)
    {
        var (value, language) = text.Resolve(Lang);
        german = language != Lang && value.Length > 0;
        return value;
    }

    protected string Text(Records.Texts text) => text.Resolve(Lang).Text;

    protected void SetStatus(int status)
    {
        if (Http is not null && !Http.Response.HasStarted) Http.Response.StatusCode = status;
    }
}
