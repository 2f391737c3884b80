using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Sozialplattform.Appointments.Domain;
using Sozialplattform.Appointments.Storage;
using Sozialplattform.Appointments.Web.Components.BackOffice;
using Sozialplattform.Centres.Web.Staff;
using static Sozialplattform.Appointments.Web.BackOffice.BackOfficeEndpoints;

namespace Sozialplattform.Appointments.Web.BackOffice;

/// <summary>
/// The centre's setup: the neutral name and Land, its appointment types and its counsellors' weeks and exceptions —
/// each saved through <see cref="AppointmentSetup"/> (checked whole; a refused form keeps what was typed and names every
/// problem). "neu" creates; an id of another centre is "not found".
/// </summary>
internal static class SetupEndpoints
{
    public const string New = "neu";

    public static void MapSetup(this RouteGroupBuilder calendar)
    {
        calendar.MapGet("/einstellungen", async (HttpContext http, string lang, AppointmentSetup setup) => await OwnerPageAsync(http, lang, setup, null, [], null, StatusCodes.Status200OK));

        calendar.MapPost("/einstellungen", async (HttpContext http, string lang, AppointmentSetup setup) =>
        {
            var form = await http.Request.ReadFormAsync(http.RequestAborted);
            var (name, state) = (form["neutralName"].ToString(), form["state"].ToString() is { Length: > 0 } s ? s : null);
            var errors = await setup.SaveOwnerAsync(Kept(http).Id, Kept(http).Tenant, name, state, http.RequestAborted);
            return await OwnerPageAsync(http, lang, setup, (name, state), errors, errors.Count == 0 ? "office.setup.saved" : null,
                errors.Count == 0 ? StatusCodes.Status200OK : StatusCodes.Status422UnprocessableEntity);
        }).OfficePost();

        calendar.MapGet("/einstellungen/arten/{id}", async (HttpContext http, string lang, string id, AppointmentSetup setup) =>
        {
            if (id == New) return await PageAsync<TypeFormPage>(http, lang, new { Id = New, Values = NewType() });
            var type = Guid.TryParse(id, out var typeId) ? (await setup.AllTypesAsync(Kept(http).Id, http.RequestAborted)).FirstOrDefault(t => t.Id == typeId) : null;
            return type is null ? NotFound(http, lang) : await PageAsync<TypeFormPage>(http, lang, new { Id = id, Values = SetupForms.Values(type) });
        });

        calendar.MapPost("/einstellungen/arten/{id}", async (HttpContext http, string lang, string id, AppointmentSetup setup) =>
        {
            var centreId = Kept(http).Id;
            var types = await setup.AllTypesAsync(centreId, http.RequestAborted);
            if (id != New && !(Guid.TryParse(id, out var known) && types.Any(t => t.Id == known))) return NotFound(http, lang);
            var counsellors = (await setup.CounsellorsAsync(centreId, http.RequestAborted)).Select(c => c.Id).ToList();
            var form = await http.Request.ReadFormAsync(http.RequestAborted);
            var (values, type, errors) = SetupForms.ReadType(form, id == New ? Guid.NewGuid() : Guid.Parse(id), centreId, counsellors);
            if (type is not null) errors = await setup.SaveTypeAsync(type, http.RequestAborted);
            return errors.Count == 0
                ? Results.Redirect(BackOfficeRoutes.Setup(lang, Kept(http)) + "?gespeichert=1")
                : await PageAsync<TypeFormPage>(http, lang, new { Id = id, Values = values, Errors = errors }, StatusCodes.Status422UnprocessableEntity);
        }).OfficePost();

        // deactivate: no new bookings and gone from the seeker's choice; its bookings stay and can be moved or cancelled
        calendar.MapPost("/einstellungen/arten/{id:guid}/aktiv", async (HttpContext http, string lang, Guid id, AppointmentSetup setup) =>
        {
            var form = await http.Request.ReadFormAsync(http.RequestAborted);
            var active = form["wert"] == "ja";
            if (form["wert"] is not ["ja"] and not ["nein"] || !await setup.SetActiveAsync(Kept(http).Id, id, active, http.RequestAborted)) return NotFound(http, lang);
            return Results.Redirect(BackOfficeRoutes.Setup(lang, Kept(http)) + (active ? "?aktiviert=1" : "?deaktiviert=1"));
        }).OfficePost();

        calendar.MapGet("/einstellungen/berater/{id}", async (HttpContext http, string lang, string id, AppointmentSetup setup) =>
        {
            if (id == New) return await PageAsync<CounsellorFormPage>(http, lang, new { Id = New, Values = new Dictionary<string, string>() });
            var counsellor = Guid.TryParse(id, out var counsellorId) ? (await setup.CounsellorsAsync(Kept(http).Id, http.RequestAborted)).FirstOrDefault(c => c.Id == counsellorId) : null;
            return counsellor is null ? NotFound(http, lang) : await PageAsync<CounsellorFormPage>(http, lang, new { Id = id, Values = SetupForms.Values(counsellor) });
        });

        calendar.MapPost("/einstellungen/berater/{id}", async (HttpContext http, string lang, string id, AppointmentSetup setup) =>
        {
            var centreId = Kept(http).Id;
            var counsellors = await setup.CounsellorsAsync(centreId, http.RequestAborted);
            if (id != New && !(Guid.TryParse(id, out var known) && counsellors.Any(c => c.Id == known))) return NotFound(http, lang);
            var form = await http.Request.ReadFormAsync(http.RequestAborted);
            var (values, counsellor, errors) = SetupForms.ReadCounsellor(form, id == New ? Guid.NewGuid() : Guid.Parse(id), centreId);
            if (counsellor is not null) errors = await setup.SaveCounsellorAsync(counsellor, http.RequestAborted);
            return errors.Count == 0
                ? Results.Redirect(BackOfficeRoutes.Setup(lang, Kept(http)) + "?gespeichert=1")
                : await PageAsync<CounsellorFormPage>(http, lang, new { Id = id, Values = values, Errors = errors }, StatusCodes.Status422UnprocessableEntity);
        }).OfficePost();
    }

    private static Dictionary<string, string> NewType() => new()
    {
        ["length"] = "50", ["bufferBefore"] = "0", ["bufferAfter"] = "10", ["minimumNotice"] = "720", ["interval"] = "60", ["horizonDays"] = "60",
        ["way"] = nameof(MeetingWay.OnSite), ["assignment"] = nameof(Assignment.RoundRobin),
        ["questions.name"] = nameof(Ask.Required), ["questions.email"] = nameof(Ask.Optional), ["questions.phone"] = nameof(Ask.NotAsked),
        ["questions.concern"] = nameof(Ask.NotAsked), ["concernMaxLength"] = "300",
    };

    private static async Task<IResult> OwnerPageAsync(HttpContext http, string lang, AppointmentSetup setup, (string Name, string? State)? typed,
        IReadOnlyList<AppointmentError> errors, string? notice, int status)
    {
        var owner = await setup.OwnerAsync(Kept(http).Id, http.RequestAborted);
        var (name, state) = typed ?? (owner?.NeutralName ?? "", owner?.State);
        notice ??= http.Request.Query["gespeichert"] == "1" ? "office.setup.saved"
            : http.Request.Query["deaktiviert"] == "1" ? "office.setup.deactivated"
            : http.Request.Query["aktiviert"] == "1" ? "office.setup.activated" : null;
        return await PageAsync<SetupPage>(http, lang, new { NeutralName = name, State = state, Errors = errors, Notice = notice }, status);
    }
}
