using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Sozialplattform.Appointments.Storage;
using Sozialplattform.Appointments.Tests.Infrastructure;
using Sozialplattform.Appointments.Web.Hosting;
using Sozialplattform.Web.Tests.Infrastructure;
using static Sozialplattform.Appointments.Tests.Infrastructure.TestSchedules;

namespace Sozialplattform.Appointments.Tests.Web;

/// <summary>
/// Hostile input and the wrong person on the seeker's pages: each kind of bad input gets its own message and stores
/// nothing; a token or code opens its own booking only, never after it was revoked.
/// </summary>
public sealed class SeekerInputTests(AppointmentsPortal portal) : IClassFixture<AppointmentsPortal>
{
    private const string Script = "<script>alert(1)</script>";

    private async Task<PortalClient> BrowseAsync()
    {
        await portal.ReadyAsync();
        return portal.Browse();
    }

    private string Details(Instant start, Guid counsellor, string lang = "de") => AppointmentRoutes.Details(lang, portal.CentreId, portal.TypeId, start, counsellor);

    private async Task<int> BookingsAsync()
    {
        await using var context = portal.Services.GetRequiredService<AppointmentsDatabase>().CreateContext();
        return await context.Bookings.CountAsync();
    }

    private async Task<PortalPage> BookAsync(PortalClient client, Instant start, string name, string email = "", Guid? counsellor = null, string lang = "de") =>
        await client.SubmitFormAsync(await client.GetAsync(Details(start, counsellor ?? Anna, lang)), "book", new Dictionary<string, string> { ["name"] = name, ["email"] = email });

    [Theory]
    [InlineData("kim@example", "Bitte geben Sie eine E-Mail-Adresse wie name@beispiel.de ein – oder lassen Sie das Feld leer.")]
    [InlineData("Kim <kim@example.org>", "Bitte geben Sie eine E-Mail-Adresse wie name@beispiel.de ein – oder lassen Sie das Feld leer.")]
    public async Task A_malformed_email_is_named_beside_the_field_keeps_the_typed_values_and_stores_nothing(string email, string message)
    {
        var client = await BrowseAsync();
        var before = await BookingsAsync();

        var page = await BookAsync(client, At(2026, 12, 10, 9), "Kim", email);

        page.Status.ShouldBe(HttpStatusCode.UnprocessableEntity);
        page.FieldErrors.ShouldBe([message]);
        page.Document.QuerySelector("#email")!.GetAttribute("value").ShouldBe(email);
        page.Document.QuerySelector("#name")!.GetAttribute("value").ShouldBe("Kim");
        (await BookingsAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task A_missing_name_a_past_slot_a_slot_outside_the_hours_and_a_taken_slot_each_get_their_own_message()
    {
        var client = await BrowseAsync();
        var before = await BookingsAsync();

        (await BookAsync(client, At(2026, 12, 10, 9), "  ")).FieldErrors.ShouldBe(["Bitte geben Sie einen Namen oder Fantasienamen ein."]);
        (await BookAsync(client, At(2026, 12, 7, 6), "Kim")).Text(".error-summary__title").ShouldBe("Dieser Termin liegt in der Vergangenheit.");
        (await BookAsync(client, At(2026, 12, 10, 13), "Kim")).Text(".error-summary__title").ShouldBe("Zu dieser Zeit kann man bei dieser Beratungsstelle keinen Termin buchen.");
        (await BookingsAsync()).ShouldBe(before);

        (await BookAsync(client, At(2026, 12, 10, 10), "Kim")).Text("h1").ShouldBe("Ihr Termin ist gebucht");
        var taken = await BookAsync(client, At(2026, 12, 10, 10), "Alex");
        taken.Status.ShouldBe(HttpStatusCode.UnprocessableEntity);
        taken.Text(".error-summary__title").ShouldBe("Dieser Termin wurde gerade von jemand anderem gebucht.");
        taken.Document.QuerySelectorAll(".slot-list a").ShouldNotBeEmpty(); // the next free slots
        (await BookingsAsync()).ShouldBe(before + 1);
    }

    [Theory]
    [InlineData("de")]
    [InlineData("ar")]
    public async Task A_script_as_name_is_shown_as_text_on_the_booked_and_the_manage_page(string lang)
    {
        var client = await BrowseAsync();

        var booked = await BookAsync(client, At(2026, 12, 11, lang == "de" ? 9 : 10), Script, lang: lang);
        var manage = await client.GetAsync(booked.Document.QuerySelectorAll("a").Select(a => a.GetAttribute("href")!).First(h => h.Contains("/termine/buchung/") && !h.Contains(".ics")));

        manage.Status.ShouldBe(HttpStatusCode.OK);
        manage.Html.ShouldNotContain("<script>alert", Case.Insensitive);
        manage.Html.ShouldContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    }

    [Fact]
    public async Task Another_bookings_token_an_altered_token_and_a_revoked_token_open_nothing()
    {
        var client = await BrowseAsync();
        string Link(PortalPage page) => page.Document.QuerySelectorAll("a").Select(a => a.GetAttribute("href")!).First(h => h.Contains("/termine/buchung/") && !h.Contains(".ics"));
        var mine = Link(await BookAsync(client, At(2026, 12, 14, 9), "Kim"));
        var other = Link(await BookAsync(client, At(2026, 12, 14, 11), "Alex"));
        var otherToken = other.Split("?t=")[1];
        var myPath = mine.Split("?t=")[0];

        (await client.GetAsync($"{myPath}?t={otherToken}")).Status.ShouldBe(HttpStatusCode.Gone);
        (await client.GetAsync($"{myPath}/termin.ics?t={otherToken}")).Status.ShouldBe(HttpStatusCode.NotFound);
        var altered = mine[..^1] + (mine[^1] == 'A' ? 'B' : 'A');
        (await client.GetAsync(altered)).Status.ShouldBe(HttpStatusCode.Gone);
        (await client.GetAsync(myPath)).Status.ShouldBe(HttpStatusCode.Gone);

        var page = await client.GetAsync(mine);
        (await client.SubmitFormAsync(page, "cancel")).Html.ShouldContain("Ihr Termin ist abgesagt.");
        var revoked = await client.GetAsync(mine);
        revoked.Status.ShouldBe(HttpStatusCode.Gone);
        revoked.Html.ShouldContain("Dieser Link gilt nicht (mehr).");
        (await client.GetAsync(other)).Status.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_confirmation_link_with_a_wrong_token_books_nothing_and_says_so()
    {
        var client = await BrowseAsync();
        var page = await client.GetAsync($"/de/termine/bestaetigen/{Guid.NewGuid()}?t=falsch");

        var result = await client.SubmitFormAsync(page, "confirm");

        result.Status.ShouldBe(HttpStatusCode.Gone);
        result.Text(".error-summary__title").ShouldStartWith("Dieser Link oder Code gilt nicht (mehr).");
    }

    [Fact]
    public async Task The_booking_code_with_the_pseudonym_opens_the_manage_page_and_a_wrong_name_is_told_so()
    {
        var client = await BrowseAsync();
        var booked = await BookAsync(client, At(2026, 12, 15, 9), "Kim");
        var code = booked.Text(".booking-code");
        var lookup = await client.GetAsync(AppointmentRoutes.ByCode("de"));

        var wrong = await client.SubmitFormAsync(lookup, "lookup", new Dictionary<string, string> { ["code"] = code, ["pseudonym"] = "Alex" });
        wrong.Status.ShouldBe(HttpStatusCode.UnprocessableEntity);
        wrong.Text(".error-summary__title").ShouldBe("Code und Name passen zu keinem gebuchten Termin. Bitte prüfen Sie beide Angaben.");

        var found = await client.SubmitFormAsync(lookup, "lookup", new Dictionary<string, string> { ["code"] = code.ToLowerInvariant(), ["pseudonym"] = "kim" });
        found.Text("dl").ShouldContain("Kim");
        var cancelled = await client.SubmitFormAsync(found, "cancel");
        cancelled.Html.ShouldContain("Ihr Termin ist abgesagt.");
        (await client.SubmitFormAsync(lookup, "lookup", new Dictionary<string, string> { ["code"] = code, ["pseudonym"] = "Kim" })).Status.ShouldBe(HttpStatusCode.UnprocessableEntity); // the code is revoked
    }

    [Fact]
    public async Task Unknown_languages_centres_and_types_of_another_centre_are_not_found()
    {
        var client = await BrowseAsync();

        (await client.GetAsync($"/xx/termine/{portal.CentreId}")).Status.ShouldBe(HttpStatusCode.NotFound);
        (await client.GetAsync($"/de/termine/{Guid.NewGuid()}")).Status.ShouldBe(HttpStatusCode.NotFound);
        (await client.GetAsync($"/de/termine/{Guid.NewGuid()}/{portal.TypeId}")).Status.ShouldBe(HttpStatusCode.NotFound);
        (await client.GetAsync(Details(At(2026, 12, 10, 9), Anna).Replace("beginn=", "beginn=kaputt", StringComparison.Ordinal))).Status.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public void Every_text_exists_in_all_six_languages()
    {
        var texts = new AppointmentTexts();
        var keys = texts.Of("de").Keys.ToHashSet();
        foreach (var lang in AppointmentTexts.Languages)
            texts.Of(lang).Keys.ToHashSet().SetEquals(keys).ShouldBeTrue(lang);
    }
}
