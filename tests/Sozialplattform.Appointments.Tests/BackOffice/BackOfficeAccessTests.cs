using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Sozialplattform.Appointments.Storage;
using Sozialplattform.Appointments.Tests.Infrastructure;
using Sozialplattform.Appointments.Web.BackOffice;
using Sozialplattform.Centres.Accounts;
using Sozialplattform.Centres.Tests.Infrastructure;
using Sozialplattform.Web.Tests.Infrastructure;
using static Sozialplattform.Appointments.Tests.Infrastructure.TestSchedules;

namespace Sozialplattform.Appointments.Tests.BackOffice;

/// <summary>
/// Who reaches the back office: staff of another centre get "not found" for every page and step (also with our ids
/// under their own centre), no login leads to the login page, an editor is forbidden, a forged or another session's
/// antiforgery token is refused — and in each case nothing changes. Hostile input is shown as text, never as markup.
/// </summary>
public sealed class BackOfficeAccessTests(AppointmentsPortal portal) : IClassFixture<AppointmentsPortal>
{
    private string Root => $"/beratungsstellen-verwaltung/de/termine/{portal.CentreId}";

    private IEnumerable<string> Pages(Guid booking) =>
    [
        Root, $"{Root}/buchung/{booking}", $"{Root}/buchen?art={portal.TypeId}", $"{Root}/kalender", $"{Root}/einstellungen",
        $"{Root}/einstellungen/arten/{portal.TypeId}", $"{Root}/einstellungen/berater/{Anna}",
    ];

    private IEnumerable<(string Url, (string, string)[] Fields)> Steps(Guid booking) =>
    [
        ($"{Root}/buchung/{booking}/verschieben", [("termin", $"{Anna}|2026-12-08T10:00:00Z"), ("nachricht", "x")]),
        ($"{Root}/buchung/{booking}/absagen", [("nachricht", "x")]),
        ($"{Root}/buchung/{booking}/nicht-erschienen", [("wert", "ja")]),
        ($"{Root}/buchen", [("art", portal.TypeId.ToString()), ("termin", $"{Anna}|2026-12-08T10:00:00Z"), ("name", "Eindringling")]),
        ($"{Root}/kalender/{Anna}", []),
        ($"{Root}/kalender/{Anna}/widerrufen", []),
        ($"{Root}/einstellungen", [("neutralName", "Gekapert"), ("state", "11")]),
        ($"{Root}/einstellungen/arten/{portal.TypeId}", [("title.de", "Gekapert"), ("length", "30")]),
        ($"{Root}/einstellungen/arten/{portal.TypeId}/aktiv", [("wert", "nein")]),
        ($"{Root}/einstellungen/berater/{Anna}", [("displayName", "Gekapert"), ("weekly", "Mo 09:00-10:00")]),
    ];

    [Fact]
    public async Task Staff_of_another_centre_get_not_found_for_every_page_and_step_and_nothing_changes()
    {
        var booked = await portal.BookedAsync(At(2026, 12, 8, 9), Anna);
        var other = await portal.OtherCentreAsync();
        var client = await portal.StaffAsync("fremd@anderer", "termine-2");
        var own = await client.GetAsync(BackOfficeRoutes.Agenda("de", other));
        own.Status.ShouldBe(HttpStatusCode.OK);
        var before = await portal.SnapshotAsync();

        foreach (var page in Pages(booked.BookingId)) (await client.GetAsync(page)).Status.ShouldBe(HttpStatusCode.NotFound, page);
        foreach (var (url, fields) in Steps(booked.BookingId))
            (await client.PostAsync(url, [own.AntiforgeryToken, .. fields])).Status.ShouldBe(HttpStatusCode.NotFound, url);
        // our booking and counsellor under their own centre's address
        (await client.GetAsync(BackOfficeRoutes.Booking("de", other, booked.BookingId))).Status.ShouldBe(HttpStatusCode.NotFound);
        (await client.PostAsync(BackOfficeRoutes.Booking("de", other, booked.BookingId) + "/absagen", [own.AntiforgeryToken])).Status.ShouldBe(HttpStatusCode.NotFound);
        (await client.PostAsync($"{BackOfficeRoutes.Feeds("de", other)}/{Anna}", [own.AntiforgeryToken])).Status.ShouldBe(HttpStatusCode.NotFound);
        (await client.PostAsync($"{BackOfficeRoutes.Setup("de", other)}/berater/{Anna}", [own.AntiforgeryToken, ("displayName", "Gekapert")])).Status.ShouldBe(HttpStatusCode.NotFound);

        (await portal.SnapshotAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task Without_a_login_every_page_leads_to_the_login_and_no_step_changes_anything()
    {
        var booked = await portal.BookedAsync(At(2026, 12, 9, 9), Anna);
        var before = await portal.SnapshotAsync();
        var anonymous = portal.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        foreach (var page in Pages(booked.BookingId))
        {
            var response = await anonymous.GetAsync(page);
            (response.StatusCode, response.Headers.Location?.ToString()).ShouldBe((HttpStatusCode.Redirect, "/beratungsstellen-verwaltung/de/anmelden"), page);
        }

        foreach (var (url, fields) in Steps(booked.BookingId))
            (await anonymous.PostAsync(url, new FormUrlEncodedContent(fields.Select(f => KeyValuePair.Create(f.Item1, f.Item2))))).IsSuccessStatusCode.ShouldBeFalse(url);
        (await portal.SnapshotAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task An_editor_of_the_directory_is_forbidden_and_a_password_without_the_second_factor_opens_nothing()
    {
        var booked = await portal.BookedAsync(At(2026, 12, 10, 9), Anna);
        var editor = await portal.StaffAsync("redaktion@land", role: CentreRole.Editor);
        foreach (var page in Pages(booked.BookingId)) (await editor.GetAsync(page)).Status.ShouldBe(HttpStatusCode.Forbidden, page);

        await portal.AccountAsync("halb@traeger", centres: "termine-1");
        var (halfway, _) = await portal.PasswordAsync("halb@traeger");
        (await halfway.GetAsync(Root)).Path.ShouldBe("/beratungsstellen-verwaltung/de/anmelden");
    }

    [Fact]
    public async Task A_forged_or_another_sessions_antiforgery_token_is_refused_and_the_appointment_stays()
    {
        var booked = await portal.BookedAsync(At(2026, 12, 11, 9), Anna);
        var client = await portal.StaffAsync("formular@traeger");
        var stranger = await portal.StaffAsync("anderes-formular@traeger");
        var strangersToken = (await stranger.GetAsync(Root)).AntiforgeryToken;
        var before = await portal.SnapshotAsync();

        foreach (var token in new[] { ("__RequestVerificationToken", "gefälscht"), strangersToken })
        {
            var refused = await client.PostAsync(portal.Booking(booked.BookingId) + "/absagen", [token]);
            refused.Status.ShouldBe(HttpStatusCode.BadRequest);
        }

        (await portal.SnapshotAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task Script_in_a_callers_name_a_counsellors_name_and_a_type_title_is_shown_as_text()
    {
        const string Hostile = "<script>alert('x')</script><img src=x onerror=alert(1)>";
        var client = await portal.StaffAsync("feindlich@traeger");
        var caller = await client.GetAsync(BackOfficeRoutes.PhoneBooking("de", portal.CentreId, portal.TypeId) + "&ab=2026-12-14");
        var slot = caller.Document.QuerySelectorAll("input[name=termin]").Select(i => i.GetAttribute("value")!).First(v => v.EndsWith("2026-12-14T08:00:00Z", StringComparison.Ordinal));
        (await client.SubmitAsync(caller, "/buchen", new Dictionary<string, string?> { ["termin"] = slot, ["name"] = Hostile })).Status.ShouldBe(HttpStatusCode.OK);
        var counsellorForm = await client.GetAsync($"{Root}/einstellungen/berater/neu");
        (await client.SubmitAsync(counsellorForm, "/berater/neu", new Dictionary<string, string?> { ["displayName"] = Hostile, ["weekly"] = "Sa 09:00-10:00" })).Status.ShouldBe(HttpStatusCode.OK);
        var typeForm = await client.GetAsync($"{Root}/einstellungen/arten/neu");
        var counsellor = typeForm.Document.QuerySelectorAll("input[name=counsellors]").Last().GetAttribute("value")!;
        (await client.SubmitAsync(typeForm, "/arten/neu", new Dictionary<string, string?> { ["title.de"] = Hostile, ["counsellors"] = counsellor })).Status.ShouldBe(HttpStatusCode.OK);

        foreach (var url in new[] { portal.Agenda(new LocalDate(2026, 12, 14)), $"{Root}/einstellungen", $"{Root}/buchen", $"{Root}/kalender" })
        {
            var page = await client.GetAsync(url);
            page.Document.QuerySelectorAll("script, img").ShouldBeEmpty(url);
            page.Html.ShouldNotContain("<script>alert", Case.Insensitive, url);
        }

        (await client.GetAsync(portal.Agenda(new LocalDate(2026, 12, 14)))).Document.QuerySelectorAll(".agenda__name").Select(n => n.TextContent).ShouldContain(Hostile);
        (await client.GetAsync($"{Root}/einstellungen")).Document.QuerySelectorAll("main li a").Select(a => a.TextContent).ShouldContain(Hostile);
    }
}
