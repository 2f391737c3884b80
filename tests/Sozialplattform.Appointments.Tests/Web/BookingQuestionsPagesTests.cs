using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sozialplattform.Appointments.Domain;
using Sozialplattform.Appointments.Storage;
using Sozialplattform.Appointments.Tests.Infrastructure;
using Sozialplattform.Appointments.Web.BackOffice;
using Sozialplattform.Appointments.Web.Hosting;
using Sozialplattform.Web.Tests.Infrastructure;
using static Sozialplattform.Appointments.Tests.Infrastructure.TestSchedules;

namespace Sozialplattform.Appointments.Tests.Web;

/// <summary>
/// The questions a type asks, chosen by staff on the type's setup page, are what the seeker's page and the caller page
/// ask; bad answers are named by field and store nothing; answers are shown as text (never markup) to staff. A type
/// staff deactivate disappears from the seeker's choice, and a booking posted for it is refused with its message.
/// </summary>
public sealed class BookingQuestionsPagesTests(AppointmentsPortal portal) : IClassFixture<AppointmentsPortal>
{
    private const string Script = "<script>alert(1)</script>";

    private string Setup => BackOfficeRoutes.Setup("de", portal.CentreId);

    private async Task<int> BookingsAsync()
    {
        await using var context = portal.Services.GetRequiredService<AppointmentsDatabase>().CreateContext();
        return await context.Bookings.CountAsync();
    }

    /// <summary>A phone consultation made through the setup form: no name, no e-mail, a phone number (required), an "Anliegen" (optional, 40 characters).</summary>
    private async Task<(PortalClient Staff, AppointmentType Type)> PhoneTypeAsync(string login, string title)
    {
        var staff = await portal.StaffAsync(login);
        var saved = await staff.SubmitAsync(await staff.GetAsync($"{Setup}/arten/neu"), "/arten/neu", new Dictionary<string, string?>
        {
            ["title.de"] = title, ["length"] = "30", ["bufferAfter"] = "0", ["interval"] = "30", ["minimumNotice"] = "0", ["way"] = "Phone",
            ["counsellors"] = Ben.ToString(), ["questions.name"] = "NotAsked", ["questions.email"] = "NotAsked", ["questions.phone"] = "Required",
            ["questions.concern"] = "Optional", ["concernMaxLength"] = "40",
        });
        saved.Text(".notice").ShouldBe("Gespeichert.");
        var type = (await portal.Services.GetRequiredService<AppointmentSetup>().AllTypesAsync(portal.CentreId)).Single(t => t.Title["de"] == title);
        type.Questions.ShouldBe(new BookingQuestions { Name = Ask.NotAsked, Email = Ask.NotAsked, Phone = Ask.Required, Concern = Ask.Optional, ConcernMaxLength = 40 });
        return (staff, type);
    }

    private string Details(Guid typeId, int day, int hour) => AppointmentRoutes.Details("de", portal.CentreId, typeId, At(2026, 12, day, hour), Ben);

    [Fact]
    public async Task The_seeker_is_asked_what_the_type_asks_bad_answers_are_named_by_field_and_the_answers_reach_staff_as_text()
    {
        var (staff, type) = await PhoneTypeAsync("fragen@traeger", "Telefonsprechstunde");
        var seeker = portal.Browse();
        var form = await seeker.GetAsync(Details(type.Id, 10, 9));
        form.Document.QuerySelector("#name").ShouldBeNull();
        form.Document.QuerySelector("#email").ShouldBeNull();
        form.Text("label[for='phone']").ShouldBe("Telefonnummer");
        form.Text("label[for='concern']").ShouldBe("Ihr Anliegen in wenigen Worten (freiwillig)");
        var before = await BookingsAsync();

        var refused = await seeker.SubmitFormAsync(form, "book", new Dictionary<string, string> { ["phone"] = "", ["concern"] = Script + new string('x', 20) });

        refused.Status.ShouldBe(HttpStatusCode.UnprocessableEntity);
        refused.FieldErrors.ShouldBe(["Bitte geben Sie eine Telefonnummer ein.", "Das Anliegen darf höchstens 40 Zeichen lang sein."]);
        refused.SummaryErrors.Count.ShouldBe(2);
        refused.Html.ShouldNotContain("<script>alert", Case.Insensitive);
        refused.Text("#concern").ShouldBe(Script + new string('x', 20), "what was typed comes back, as text");
        (await BookingsAsync()).ShouldBe(before);

        var booked = await seeker.SubmitFormAsync(form, "book", new Dictionary<string, string>
        {
            ["phone"] = "0221 123456", ["concern"] = Script, ["name"] = "Nicht gefragt", ["email"] = "nicht@gefragt.de",
        });

        booked.Text("h1").ShouldBe("Ihr Termin ist gebucht", "no e-mail is asked, so it is booked at once — a sent address makes no hold");
        await using var context = portal.Services.GetRequiredService<AppointmentsDatabase>().CreateContext();
        var row = await context.Bookings.SingleAsync(b => b.TypeId == type.Id);
        row.EmailCipher.ShouldBeNull();
        var page = await staff.GetAsync(portal.Booking(row.Id));
        page.Html.ShouldNotContain("<script>alert", Case.Insensitive);
        page.Text(".booking-concern").ShouldBe(Script);
        page.Html.ShouldContain("0221 123456");
        page.Html.ShouldNotContain("Nicht gefragt");
        (await staff.GetAsync(portal.Agenda(new NodaTime.LocalDate(2026, 12, 10)))).Text(".agenda").ShouldContain("0221 123456 · mit Anliegen");
    }

    [Fact]
    public async Task Booking_for_a_caller_asks_the_types_questions_and_refuses_a_missing_phone_number()
    {
        var (staff, type) = await PhoneTypeAsync("anruf@traeger", "Rückrufsprechstunde");
        var caller = await staff.GetAsync(BackOfficeRoutes.PhoneBooking("de", portal.CentreId, type.Id) + "&ab=2026-12-14");
        caller.Document.QuerySelector("#name").ShouldBeNull();
        caller.Text("label[for='phone']").ShouldBe("Telefonnummer");
        var slot = caller.Document.QuerySelector("input[name='termin']")!.GetAttribute("value")!;
        var before = await BookingsAsync();

        var refused = await staff.SubmitAsync(caller, "/buchen", new Dictionary<string, string?> { ["termin"] = slot, ["phone"] = "abc" });

        refused.Status.ShouldBe(HttpStatusCode.UnprocessableEntity);
        refused.FieldErrors.ShouldBe(["Bitte geben Sie eine Telefonnummer aus Ziffern ein (auch mit +, Leerzeichen, - oder /), höchstens 30 Zeichen."]);
        (await BookingsAsync()).ShouldBe(before);
        (await staff.SubmitAsync(refused, "/buchen", new Dictionary<string, string?> { ["termin"] = slot, ["phone"] = "+49 221 98765" })).Text("h1").ShouldBe("Termin gebucht");
    }

    [Fact]
    public async Task A_deactivated_type_leaves_the_seekers_choice_a_booking_posted_for_it_is_refused_and_its_bookings_stay()
    {
        var (staff, type) = await PhoneTypeAsync("abschalten@traeger", "Abendsprechstunde");
        var seeker = portal.Browse();
        var bookedBefore = await seeker.SubmitFormAsync(await seeker.GetAsync(Details(type.Id, 11, 9)), "book", new Dictionary<string, string> { ["phone"] = "0221 555555" });
        var manage = bookedBefore.Document.QuerySelectorAll("a").Select(a => a.GetAttribute("href")!).First(h => h.Contains("/termine/buchung/") && !h.Contains(".ics"));
        var openForm = await seeker.GetAsync(Details(type.Id, 11, 10)); // a seeker still has the page open

        var setup = await staff.SubmitAsync(await staff.GetAsync(Setup), $"/arten/{type.Id}/aktiv");

        setup.Text(".notice").ShouldStartWith("Die Terminart ist deaktiviert");
        setup.Document.QuerySelectorAll(".setup-type").Single(li => li.TextContent.Contains("Abendsprechstunde")).TextContent.ShouldContain("deaktiviert – nicht buchbar");
        (await seeker.GetAsync(AppointmentRoutes.Types("de", portal.CentreId))).Html.ShouldNotContain("Abendsprechstunde");
        var slots = await seeker.GetAsync(AppointmentRoutes.Slots("de", portal.CentreId, type.Id));
        slots.Status.ShouldBe(HttpStatusCode.Gone);
        slots.Document.QuerySelectorAll(".slot-list a").ShouldBeEmpty();
        var before = await BookingsAsync();
        var refused = await seeker.SubmitFormAsync(openForm, "book", new Dictionary<string, string> { ["phone"] = "0221 666666" });
        refused.Status.ShouldBe(HttpStatusCode.Gone);
        refused.Text(".error-summary__title").ShouldStartWith("Diese Terminart kann nicht mehr gebucht werden.");
        (await BookingsAsync()).ShouldBe(before);
        (await staff.GetAsync(BackOfficeRoutes.PhoneBooking("de", portal.CentreId))).Html.ShouldNotContain("Abendsprechstunde");

        var existing = await seeker.GetAsync(manage);
        existing.Status.ShouldBe(HttpStatusCode.OK);
        existing.Text("main dl").ShouldContain("Abendsprechstunde");
        (await seeker.SubmitFormAsync(existing, "cancel")).Text(".info--success").ShouldStartWith("Ihr Termin ist abgesagt.");
    }
}
