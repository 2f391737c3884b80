using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sozialplattform.Appointments.Storage;
using Sozialplattform.Appointments.Tests.Infrastructure;
using Sozialplattform.Appointments.Web.BackOffice;
using Sozialplattform.Appointments.Web.Hosting;

namespace Sozialplattform.Appointments.Tests.BackOffice;

/// <summary>
/// The setup pages: a counsellor's week and exceptions and a type made through the forms are what seekers book; each
/// kind of bad input is named with its field (and line), the typed values come back, and nothing is saved.
/// </summary>
public sealed class BackOfficeSetupTests(AppointmentsPortal portal) : IClassFixture<AppointmentsPortal>
{
    private string Setup => BackOfficeRoutes.Setup("de", portal.CentreId);

    [Fact]
    public async Task A_counsellor_and_a_type_made_through_the_forms_are_offered_to_seekers()
    {
        var client = await portal.StaffAsync("einrichten@traeger");
        var counsellorForm = await client.GetAsync($"{Setup}/berater/neu");
        var saved = await client.SubmitAsync(counsellorForm, "/berater/neu", new Dictionary<string, string?>
        {
            ["displayName"] = "Chris", ["weekly"] = "Sa 10:00-12:00\nSo 10:00-11:00", ["exceptions"] = "2026-12-13 gesperrt\n2026-12-19 gesperrt 11:00-12:00",
        });
        saved.Text(".notice").ShouldBe("Gespeichert.");
        var chris = (await portal.Services.GetRequiredService<AppointmentSetup>().CounsellorsAsync(portal.CentreId)).Single(c => c.DisplayName == "Chris");
        (await client.GetAsync($"{Setup}/berater/{chris.Id}")).Text("#exceptions").ShouldBe("2026-12-13 gesperrt\n2026-12-19 gesperrt 11:00-12:00");

        var typeForm = await client.GetAsync($"{Setup}/arten/neu");
        (await client.SubmitAsync(typeForm, "/arten/neu", new Dictionary<string, string?>
        {
            ["title.de"] = "Wochenendgespräch", ["title.en"] = "Weekend talk", ["length"] = "60", ["bufferAfter"] = "0", ["interval"] = "60", ["minimumNotice"] = "0",
            ["way"] = "Phone", ["counsellors"] = chris.Id.ToString(),
        })).Text(".notice").ShouldBe("Gespeichert.");

        var types = await client.GetAsync(AppointmentRoutes.Types("en", portal.CentreId));
        var weekend = types.Document.QuerySelectorAll(".appointment-types a").Single(a => a.TextContent.Contains("Weekend talk", StringComparison.Ordinal)).GetAttribute("href")!;
        var slots = await client.GetAsync(weekend + "?ab=2026-12-12");
        var offered = slots.Document.QuerySelectorAll(".slot-list a").Select(a => Uri.UnescapeDataString(a.GetAttribute("href")!)).ToList();
        // Saturday 12th 10 and 11, Sunday 13th blocked, Saturday 19th only 10 (11–12 blocked); 09:00 UTC = 10:00 Berlin
        offered.Where(h => h.Contains("2026-12-1", StringComparison.Ordinal)).Select(h => h.Split("beginn=")[1].Split('&')[0])
            .ShouldBe(["2026-12-12T09:00:00Z", "2026-12-12T10:00:00Z"]);
    }

    [Fact]
    public async Task Bad_setup_input_is_named_by_field_and_line_keeps_what_was_typed_and_saves_nothing()
    {
        var client = await portal.StaffAsync("fehler@traeger");
        var before = await SnapshotAsync();

        var counsellor = await client.SubmitAsync(await client.GetAsync($"{Setup}/berater/neu"), "/berater/neu", new Dictionary<string, string?>
        {
            ["displayName"] = "Dana", ["weekly"] = "Mo 09:00-12:00\nMontag 9-12\nDi 12:00-09:00\nMi 09:03-10:00", ["exceptions"] = "24.12.2026 gesperrt",
        });
        counsellor.Status.ShouldBe(HttpStatusCode.UnprocessableEntity);
        counsellor.SummaryErrors.ShouldBe([
            "Wochenzeiten Zeile 2: kann nicht gelesen werden: „Montag 9-12“.",
            "Ausnahmen Zeile 1: kann nicht gelesen werden: „24.12.2026 gesperrt“.",
        ]);
        counsellor.Text("#weekly").ShouldContain("Montag 9-12");
        var checkedCounsellor = await client.SubmitAsync(counsellor, "/berater/neu", new Dictionary<string, string?> { ["weekly"] = "Di 12:00-09:00\nMi 09:03-10:00", ["exceptions"] = "" });
        checkedCounsellor.SummaryErrors.ShouldBe([
            "Wochenzeiten Zeile 1: endet vor dem Beginn (12:00–09:00).",
            "Wochenzeiten Zeile 2: liegt nicht im 5-Minuten-Raster.",
        ]);

        var type = await client.SubmitAsync(await client.GetAsync($"{Setup}/arten/neu"), "/arten/neu", new Dictionary<string, string?>
        {
            ["title.de"] = "", ["length"] = "47", ["horizonDays"] = "999", ["maxPerDay"] = "viele", ["way"] = "Brieftaube",
        });
        type.Status.ShouldBe(HttpStatusCode.UnprocessableEntity);
        type.SummaryErrors.ShouldBe(["Höchstens pro Tag und Person: ist keine ganze Zahl.", "Art des Gesprächs: ist unbekannt."]);
        var checkedType = await client.SubmitAsync(type, "/arten/neu", new Dictionary<string, string?> { ["maxPerDay"] = "", ["way"] = "Video" });
        checkedType.SummaryErrors.ShouldBe([
            "Titel: fehlt.", "Dauer (Minuten): liegt nicht im 5-Minuten-Raster.", "Buchbar im Voraus (Tage): muss zwischen 1 und 366 liegen.",
            "Wer diese Terminart übernimmt: fehlt.",
        ]);

        var owner = await client.PostAsync(Setup, [(await client.GetAsync(Setup)).AntiforgeryToken, ("neutralName", "Sucht\nberatung"), ("state", "17")]);
        owner.Status.ShouldBe(HttpStatusCode.UnprocessableEntity);
        owner.SummaryErrors.ShouldBe(["Neutraler Name: ist zu kurz, zu lang oder enthält Zeilenumbrüche oder Steuerzeichen.", "Bundesland (für die Feiertage): ist unbekannt."]);
        (await client.GetAsync($"{Setup}/arten/{Guid.NewGuid()}")).Status.ShouldBe(HttpStatusCode.NotFound);

        (await SnapshotAsync()).ShouldBe(before);
    }

    private async Task<string> SnapshotAsync()
    {
        await using var context = portal.Services.GetRequiredService<AppointmentsDatabase>().CreateContext();
        var counsellors = await context.Counsellors.OrderBy(c => c.Id).Select(c => c.DisplayName + c.Schedule).ToListAsync();
        var types = await context.Types.OrderBy(t => t.Id).Select(t => t.Definition).ToListAsync();
        var owners = await context.Owners.OrderBy(o => o.CentreId).Select(o => o.NeutralName + o.State).ToListAsync();
        return string.Join('\n', [.. counsellors, .. types, .. owners]);
    }
}
