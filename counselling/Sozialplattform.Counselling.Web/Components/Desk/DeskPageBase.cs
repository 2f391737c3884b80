using Microsoft.AspNetCore.Components;
using Sozialplattform.Centres.Storage;
using Sozialplattform.Centres.Web.Staff;
using Sozialplattform.Counselling.Conversations;
using Sozialplattform.Counselling.Web.Hosting;

namespace Sozialplattform.Counselling.Web.Components.Desk;

/// <summary>Base of the desk's pages: inside the centres' self-service layout (its session, logout, language switch), with the counselling's texts.</summary>
public abstract class DeskPageBase : ComponentBase
{
    [Parameter, EditorRequired] public StaffView View { get; set; } = null!;

    [Parameter, EditorRequired] public CentreRow Centre { get; set; } = null!;

    [Parameter, EditorRequired] public Counsellor Counsellor { get; set; } = null!;

    [Parameter] public string? Problem { get; set; }

    [Inject] public CounsellingTexts Texts { get; set; } = null!;

    protected string Lang => View.Lang;

    protected string T(string key, params object?[] args) => Texts.Get(Lang, key, args);
}
