using Sozialplattform.Web.Tests.Infrastructure;

namespace Sozialplattform.Web.Tests.Endpoints;

/// <summary>
/// Texts a new user tripped over (issue 20): upload limits and errors in the words of the hint, markers that agree
/// with the warnings beside them.
/// </summary>
[Collection(nameof(SharedPortal))]
public sealed class FirstUseTextsTests(SharedPortal portal)
{
    [Fact]
    public async Task A_file_of_the_wrong_type_is_refused_with_the_type_names_the_hint_uses_not_media_types()
    {
        var client = portal.Factory.Browse();
        var page = await FilesPageAsync(client);

        var refused = await client.SubmitAsync(page, "/senden", button: "update", files: [("kontoauszuege", "auszug.png", WizardWalker.Png)]);

        refused.FieldErrors.ShouldContain("Die Datei „auszug.png“ hat ein nicht erlaubtes Format. Erlaubt: PDF.");
        refused.Html.ShouldNotContain("Erlaubt: application");
        refused.Text("[data-path=ausweis] .hint[id$=-limits]").ShouldBe("Erlaubt: PDF, JPEG, PNG, höchstens 5 MB pro Datei, höchstens 2 Dateien.");
    }

    [Fact]
    public async Task A_field_for_one_file_says_one_file_instead_of_at_most_1_files()
    {
        var client = portal.Factory.Browse();
        var page = await FilesPageAsync(client);

        // "scheidung" shows for a divorced applicant and takes one file (maxFiles defaults to 1).
        var divorced = await client.SubmitAsync(page, "/senden", new Dictionary<string, string?>(), "back");
        divorced = await client.SubmitAsync(divorced, "/senden", new Dictionary<string, string?> { ["familienstand"] = "geschieden", ["aktenzeichen"] = "123A456789" }, "next");

        divorced.Text("[data-path=scheidung] .hint[id$=-limits]").ShouldBe("Erlaubt: PDF, eine Datei mit höchstens 10 MB.");
        divorced.Html.ShouldNotContain("Datei(en)");
    }

    [Fact]
    public async Task A_field_that_may_follow_later_is_not_called_optional_next_to_its_missing_warning()
    {
        var client = portal.Factory.Browse();
        var page = await FilesPageAsync(client);

        var checkedPage = await client.GetAsync($"{page.Path}?pruefen=1");

        checkedPage.Text("[data-path=kontoauszuege]").ShouldContain("„Kontoauszüge der letzten drei Monate“ fehlt noch.");
        checkedPage.Text("[data-path=kontoauszuege] .field__optional").ShouldBe("(kann nachgereicht werden)");
        checkedPage.Text("[data-path=kontoauszuege]").ShouldNotContain("freiwillig");
    }

    private static async Task<PortalPage> FilesPageAsync(PortalClient client)
    {
        var page = await Journeys.FirstPageAsync(client, "nachweise");
        page = await client.SubmitAsync(page, "/senden", new Dictionary<string, string?> { ["familienstand"] = "ledig", ["aktenzeichen"] = "123A456789" }, "next");
        page.Path.ShouldEndWith("/seite/dateien");
        return page;
    }
}

/// <summary>Arabic pages: German fallback blocks read left to right, numbers and Latin text inside Arabic keep their order.</summary>
[Collection(nameof(SharedPortal))]
public sealed class RightToLeftIsolationTests(SharedPortal portal)
{
    [Fact]
    public async Task A_german_fallback_description_in_arabic_is_marked_german_and_left_to_right()
    {
        var page = await portal.Factory.Browse().GetAsync("/ar/leistungen/haushalt");

        var block = page.Document.QuerySelector(".markdown[lang=de]")!;
        block.GetAttribute("dir").ShouldBe("ltr");
        page.Document.QuerySelectorAll("span[lang=de]").ShouldAllBe(span => span.GetAttribute("dir") == "ltr");
    }

    [Fact]
    public async Task Arabic_error_messages_isolate_the_german_label_they_name()
    {
        var client = portal.Factory.Browse();
        var first = await Journeys.FirstPageAsync(client, "haushalt", "ar");
        var checkedPage = await client.SubmitAsync(first, "/senden", button: "next");

        checkedPage.SummaryErrors.ShouldNotBeEmpty();
        checkedPage.SummaryErrors.ShouldAllBe(e => e.Contains('\u2068') && e.Contains('\u2069'), "the German label is an isolate inside the Arabic sentence");
    }

    [Fact]
    public void A_date_with_its_time_keeps_its_order_in_arabic()
    {
        var text = Sozialplattform.Web.Components.Pages.TimeText.Format(new DateTime(2026, 12, 2, 3, 1, 0, DateTimeKind.Utc), "ar");

        text.ShouldStartWith("\u2068");
        text.ShouldEndWith("\u2069");
        text.ShouldContain("04:01");
        Sozialplattform.Web.Components.Pages.TimeText.Format(new DateTime(2026, 12, 2, 3, 1, 0, DateTimeKind.Utc), "de").ShouldBe("02.12.2026, 04:01");
    }
}
