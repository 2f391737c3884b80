using Microsoft.AspNetCore.Components;
using Sozialplattform.Appointments.Booking;
using Sozialplattform.Appointments.Domain;
using Sozialplattform.Appointments.Web.Hosting;
using Sozialplattform.Appointments.Keeping;
using Sozialplattform.Centres.Web.Staff;

namespace Sozialplattform.Appointments.Web.Components.BackOffice;

/// <summary>
/// Base of the back-office pages: rendered inside the layout of the keeper's session — the centres' self-service or the
/// inbox (<see cref="OfficeFrame"/>) — with the appointments' texts. Static server rendering, no JavaScript.
/// </summary>
public abstract class BackOfficePage : ComponentBase
{
    [Parameter, EditorRequired] public StaffView View { get; set; } = null!;

    [Parameter, EditorRequired] public KeptCalendar Calendar { get; set; } = null!;

    [Parameter] public IReadOnlyList<Counsellor> Counsellors { get; set; } = [];

    [Parameter] public IReadOnlyList<AppointmentType> Types { get; set; } = [];

    [Parameter] public string? Problem { get; set; }

    [Parameter] public string? Notice { get; set; }

    [Parameter] public IReadOnlyList<AppointmentError> Errors { get; set; } = [];

    [Inject] public AppointmentTexts Texts { get; set; } = null!;

    protected string Lang => View.Lang;

    protected string T(string key, params object?[] args) => Texts.Get(Lang, key, args);

    protected string Refusal(BookingRefusal reason) => T($"refusal.{char.ToLowerInvariant(reason.ToString()[0])}{reason.ToString()[1..]}");

    /// <summary>A setup problem as a sentence, named by its field ("Dauer: …"; a line of a list by its number).</summary>
    protected string ErrorText(AppointmentError error)
    {
        var field = Field(error);
        var line = error.Path.Contains('[') && int.TryParse(error.Path.Split('[', ']')[1], out var index) ? " " + T("office.setup.line", index + 1) : "";
        return $"{T("office.field." + field)}{line}: {T("office.error." + error.Code, [.. error.Arguments])}";
    }

    protected bool Invalid(string field) => Errors.Any(e => Field(e) == field);

    /// <summary>"weekly[2]" → "weekly", "title.de" → "title".</summary>
    private static string Field(AppointmentError error) => error.Path.Split('.', '[')[0];

    protected string CounsellorName(Guid id) => Counsellors.FirstOrDefault(c => c.Id == id)?.DisplayName ?? "–";

    protected string TypeTitle(Guid id) => Types.FirstOrDefault(t => t.Id == id) is { } type ? type.Title.GetValueOrDefault(Lang) ?? type.Title["de"] : "–";
}
