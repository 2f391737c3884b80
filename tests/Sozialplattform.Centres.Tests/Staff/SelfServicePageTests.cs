using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Sozialplattform.Centres.Accounts;
using Sozialplattform.Centres.Records;
using Sozialplattform.Centres.Storage;
using Sozialplattform.Centres.Tests.Infrastructure;
using Sozialplattform.Web.Tests.Infrastructure;
using static Sozialplattform.Centres.Tests.Infrastructure.StaffLogins;

namespace Sozialplattform.Centres.Tests.Staff;

/// <summary>
/// The self-service pages on the real host, without JavaScript: centre staff sign in with password and second factor,
/// edit every field and send the change to review while the finder keeps the published data; the editorial team sees
/// the field-level difference and publishes or sends back with a reason — every step in the change history.
/// </summary>
public sealed class SelfServicePageTests : IDisposable
{
    private readonly CentresPortal _portal = new();

    public void Dispose() => _portal.Dispose();

    private CentreStore Store => _portal.Services.GetRequiredService<CentreStore>();

    private async Task<Guid> CentreAsync(string externalId = "eigene", string carrier = "traeger-1") =>
        (await _portal.ImportAsync(TestCentres.Centre(externalId, TestCentres.Koeln) with { Carrier = new Carrier(carrier, "Träger " + carrier) }))[0];

    private static Dictionary<string, string?> Values(params (string Name, string? Value)[] values) => values.ToDictionary(v => v.Name, v => v.Value);

    /// <summary>A centre whose staff sent a new phone number to review, and an editor's account "redaktion".</summary>
    private async Task<Guid> PhoneChangeInReviewAsync()
    {
        var id = await CentreAsync();
        await _portal.AccountAsync("eigene@traeger", centres: "eigene");
        await _portal.AccountAsync("redaktion", role: CentreRole.Editor);
        var staff = await _portal.SignInAsync("eigene@traeger");
        await staff.SubmitAsync(await staff.GetAsync($"{Root}/stellen/{id}"), $"/stellen/{id}", Values(("phone", "+49 221 777777")), button: "submit");
        return id;
    }

    [Fact]
    public async Task Staff_edit_every_kind_of_field_and_send_it_to_review_while_the_finder_keeps_the_published_data()
    {
        var id = await CentreAsync();
        await _portal.AccountAsync("eigene@traeger", centres: "eigene");
        var client = await _portal.SignInAsync("eigene@traeger");

        var home = await client.GetAsync(Root);
        home.Text("h1").ShouldBe("Ihre Beratungsstellen");
        var edit = await client.GetAsync(home.Document.QuerySelector($"a[href$='{id}']")!.GetAttribute("href")!);
        edit.Document.QuerySelector("textarea#hours")!.TextContent.ShouldBe("mo 09:00-12:00");
        var sent = await client.SubmitAsync(edit, $"/stellen/{id}", Values(
            ("phone", "+49 221 999999"), ("name.tr", "Köln danışma merkezi"), ("hours", "mo 09:00-12:00\ndi 14:00-16:00"),
            ("exceptions", "2026-12-24 geschlossen | Heiligabend"), ("offers", "schuldnerberatung = 50667 K05315 | auch Insolvenz"),
            ("way.video", "on"), ("languages", "de tr"), ("signLanguage", "on"), ("minAge", "18")), button: "submit");

        sent.Path.ShouldBe(Root);
        sent.Text(".notice").ShouldContain("zur Prüfung gesendet");
        var row = (await Store.FindAsync(id))!;
        row.Status.ShouldBe(CentreStatus.InReview);
        var working = CentreJson.Read(row.Working);
        working.Phone.ShouldBe("+49 221 999999");
        working.Name["tr"].ShouldBe("Köln danışma merkezi");
        working.OpeningHours.Weekly.Count.ShouldBe(2);
        working.OpeningHours.Exceptions.Single().Note["de"].ShouldBe("Heiligabend");
        working.Offers.Single().Catchment.Kreise.ShouldBe(["05315"]);
        working.Ways.ShouldContain(CounsellingWay.Video);
        working.Languages.ShouldBe(["de", "tr"]);
        working.Accessibility.SignLanguage.ShouldBeTrue();
        working.TargetGroups.MinAge.ShouldBe(18);
        working.Carrier.Key.ShouldBe("traeger-1");
        working.ExternalId.ShouldBe("eigene");
        (await _portal.PageAsync($"/de/beratungsstellen/{id}")).ShouldContain("+49 221 123456");
        var history = await Store.HistoryAsync(id);
        history.ShouldContain(c => c.Who == "centre-account:eigene@traeger" && c.Action == "edited" && c.Field == "phone" && c.NewValue == "+49 221 999999");
        history.ShouldContain(c => c.Who == "centre-account:eigene@traeger" && c.Action == "submitted");
    }

    [Fact]
    public async Task The_editor_sees_the_difference_field_by_field_publishes_and_the_finder_shows_the_change()
    {
        var id = await PhoneChangeInReviewAsync();

        var editor = await _portal.SignInAsync("redaktion");
        var queue = await editor.GetAsync(Root);
        queue.Text("h1").ShouldBe("Änderungen zur Prüfung");
        var review = await editor.GetAsync(queue.Document.QuerySelector($"a[href$='/pruefung/{id}']")!.GetAttribute("href")!);
        var rows = review.Document.QuerySelectorAll(".diff-table tbody tr").Select(r => r.TextContent).ToList();
        rows.ShouldHaveSingleItem().ShouldContain("phone");
        rows[0].ShouldContain("+49 221 123456");
        rows[0].ShouldContain("+49 221 777777");

        var published = await editor.SubmitAsync(review, $"/pruefung/{id}", button: "approve");
        published.Text(".notice").ShouldContain("Veröffentlicht");
        (await _portal.PageAsync($"/de/beratungsstellen/{id}")).ShouldContain("+49 221 777777");
        (await Store.HistoryAsync(id)).ShouldContain(c => c.Who == "editor:redaktion" && c.Action == "published" && c.Field == "phone");
    }

    [Fact]
    public async Task The_editor_sends_a_change_back_only_with_a_reason_which_the_history_keeps()
    {
        var id = await PhoneChangeInReviewAsync();
        var editor = await _portal.SignInAsync("redaktion");
        var review = await editor.GetAsync($"{Root}/pruefung/{id}");

        var withoutReason = await editor.SubmitAsync(review, $"/pruefung/{id}", Values(("reason", "  ")), button: "reject");
        withoutReason.Status.ShouldBe(HttpStatusCode.UnprocessableEntity);
        withoutReason.Text(".error-summary").ShouldContain("Bitte begründen Sie");
        (await Store.FindAsync(id))!.Status.ShouldBe(CentreStatus.InReview);

        var rejected = await editor.SubmitAsync(withoutReason, $"/pruefung/{id}", Values(("reason", "Die Nummer ist nicht erreichbar.")), button: "reject");
        rejected.Text(".notice").ShouldContain("Zurückgegeben");
        (await Store.FindAsync(id))!.Status.ShouldBe(CentreStatus.Draft);
        (await Store.HistoryAsync(id)).ShouldContain(c => c.Who == "editor:redaktion" && c.Action == "rejected" && c.NewValue == "Die Nummer ist nicht erreichbar.");
        (await _portal.PageAsync($"/de/beratungsstellen/{id}")).ShouldContain("+49 221 123456");
    }

    [Fact]
    public async Task Angaben_bestaetigen_sets_the_confirmation_date_with_an_entry_in_the_history()
    {
        var id = await CentreAsync();
        await _portal.AccountAsync("eigene@traeger", centres: "eigene");
        var before = (await Store.FindAsync(id))!.LastConfirmedAt;
        var client = await _portal.SignInAsync("eigene@traeger");

        var confirmed = await client.SubmitAsync(await client.GetAsync(Root), $"/stellen/{id}/bestaetigen");

        confirmed.Text(".notice").ShouldContain("bestätigt");
        (await Store.FindAsync(id))!.LastConfirmedAt.ShouldNotBeNull().ShouldBeGreaterThanOrEqualTo(before!.Value);
        (await Store.HistoryAsync(id)).ShouldContain(c => c.Who == "centre-account:eigene@traeger" && c.Action == "confirmed");
    }

    [Fact]
    public async Task Bad_input_gets_a_message_per_field_shows_what_was_typed_and_stores_nothing()
    {
        var id = await CentreAsync();
        await _portal.AccountAsync("eigene@traeger", centres: "eigene");
        var client = await _portal.SignInAsync("eigene@traeger");
        var revision = (await Store.FindAsync(id))!.Revision;

        var refused = await client.SubmitAsync(await client.GetAsync($"{Root}/stellen/{id}"), $"/stellen/{id}", Values(
            ("postalCode", "99999"), ("phone", "anrufen!"), ("website", "javascript:alert(1)"), ("hours", "mo 14:00-09:00"), ("offers", "schuldnerberatung = ")));
        var unreadable = await client.SubmitAsync(refused, $"/stellen/{id}", Values(("hours", "montags früh"), ("exceptions", "Heiligabend zu")));

        refused.Status.ShouldBe(HttpStatusCode.UnprocessableEntity);
        var errors = refused.SummaryErrors;
        errors.ShouldContain("Postleitzahl: die Postleitzahl 99999 kennen wir nicht");
        errors.ShouldContain("Telefon: „anrufen!“ ist keine Telefonnummer (Ziffern, Leerzeichen, + ( ) / -)");
        errors.ShouldContain(e => e.StartsWith("Internetseite:", StringComparison.Ordinal));
        errors.ShouldContain("Öffnungszeiten: endet um 09:00, bevor sie um 14:00 beginnt");
        errors.ShouldContain(e => e.StartsWith("Angebote und Zuständigkeit:", StringComparison.Ordinal));
        refused.Document.QuerySelector("input#phone")!.GetAttribute("value").ShouldBe("anrufen!");
        unreadable.SummaryErrors.ShouldContain("Wöchentliche Zeiten: „montags früh“ ist keine Öffnungszeit (zum Beispiel mo 09:00-12:00)");
        unreadable.SummaryErrors.ShouldContain(e => e.StartsWith("Abweichungen (Feiertage, Schließtage): „Heiligabend zu“", StringComparison.Ordinal));
        (await Store.FindAsync(id))!.Revision.ShouldBe(revision);
    }

    [Fact]
    public async Task Two_editors_at_once_the_second_is_told_nothing_of_the_first_is_lost_and_the_typed_values_stay()
    {
        var id = await CentreAsync();
        await _portal.AccountAsync("anna", centres: "eigene");
        await _portal.AccountAsync("bernd", carrier: "traeger-1");
        var anna = await _portal.SignInAsync("anna");
        var bernd = await _portal.SignInAsync("bernd");
        var annasPage = await anna.GetAsync($"{Root}/stellen/{id}");
        var berndsPage = await bernd.GetAsync($"{Root}/stellen/{id}");

        var saved = await anna.SubmitAsync(annasPage, $"/stellen/{id}", Values(("phone", "+49 221 111111")));
        saved.Path.ShouldBe(Root, string.Join(" / ", saved.SummaryErrors));
        var conflict = await bernd.SubmitAsync(berndsPage, $"/stellen/{id}", Values(("email", "bernd@example.org")));

        conflict.Status.ShouldBe(HttpStatusCode.Conflict);
        conflict.Text(".error-summary").ShouldContain("Jemand anderes hat die Angaben gespeichert");
        conflict.Document.QuerySelector("input#email")!.GetAttribute("value").ShouldBe("bernd@example.org");
        var stored = CentreJson.Read((await Store.FindAsync(id))!.Working);
        stored.Phone.ShouldBe("+49 221 111111");
        stored.Email.ShouldBe("beratung@example.org");
    }

    [Fact]
    public async Task Script_payloads_in_text_fields_are_stored_as_text_and_escaped_on_the_edit_and_review_pages()
    {
        const string Payload = "<script>alert('x')</script>\"><img src=x onerror=alert(1)>";
        var id = await CentreAsync();
        await _portal.AccountAsync("eigene@traeger", centres: "eigene");
        await _portal.AccountAsync("redaktion", role: CentreRole.Editor);
        var staff = await _portal.SignInAsync("eigene@traeger");
        var fields = new[] { "name.de", "name.ar", "summary.de", "details.tr", "costs.de", "street", "city" };

        await staff.SubmitAsync(await staff.GetAsync($"{Root}/stellen/{id}"), $"/stellen/{id}", fields.ToDictionary(f => f, f => (string?)(f == "name.de" ? "Stelle " + Payload : Payload)), button: "submit");
        var edit = await staff.GetAsync($"{Root}/stellen/{id}");
        var review = await (await _portal.SignInAsync("redaktion")).GetAsync($"{Root}/pruefung/{id}");

        CentreJson.Read((await Store.FindAsync(id))!.Working).Summary["de"].ShouldBe(Payload);
        foreach (var page in new[] { edit, review })
        {
            page.Html.ShouldNotContain("<script>alert");
            page.Html.ShouldNotContain("<img src=x");
            page.Document.QuerySelectorAll("script, img[onerror]").Length.ShouldBe(0);
        }

        edit.Document.QuerySelector("textarea[name='details.tr']")!.TextContent.ShouldBe(Payload);
        review.Document.QuerySelectorAll(".diff-table ins").Select(i => i.TextContent).ShouldContain(Payload);
    }
}
