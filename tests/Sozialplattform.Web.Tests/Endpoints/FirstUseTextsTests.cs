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
