using System.Net;
using Sozialplattform.Web.Tests.Infrastructure;
using Sozialplattform.Web.Wizard;

namespace Sozialplattform.Web.Tests.Endpoints;

/// <summary>
/// Uploads past the request limit end on their page with the file field's size message (the files that fit are
/// kept), and over-long file names are shortened, keeping the extension, instead of breaking the application later.
/// </summary>
[Collection(nameof(SharedPortal))]
public sealed class UploadLimitsTests(SharedPortal portal)
{
    private static readonly byte[] Pdf = WizardWalker.Pdf;

    [Fact]
    public async Task A_40_MB_upload_ends_on_its_page_with_the_fields_size_message_and_the_file_before_it_is_kept()
    {
        var client = portal.Factory.Browse();
        var page = await FilesPageAsync(client);
        var huge = new byte[40 * 1024 * 1024];
        Pdf.CopyTo(huge, 0);

        var refused = await client.SubmitAsync(page, "/senden", button: "next", files: [("ausweis", "ausweis.pdf", Pdf), ("kontoauszuege", "auszug-riesig.pdf", huge)]);

        refused.Status.ShouldBe(HttpStatusCode.OK);
        refused.Path.ShouldEndWith("/seite/dateien");
        refused.FieldErrors.ShouldContain("Die Datei „auszug-riesig.pdf“ ist zu groß (höchstens 10 MB).");
        refused.Text("[data-path=ausweis] .file-list").ShouldContain("ausweis.pdf", Case.Sensitive, "the file that fitted is stored");
        refused.Document.QuerySelector("[data-path=kontoauszuege] .file-list").ShouldBeNull();
    }

    [Fact]
    public async Task A_304_character_file_name_is_shortened_keeping_its_extension_and_the_application_goes_on()
    {
        var client = portal.Factory.Browse();
        var page = await FilesPageAsync(client);
        var longName = new string('ä', 300) + ".pdf";

        var stored = await client.SubmitAsync(page, "/senden", button: "next", files: [("ausweis", longName, Pdf)]);

        stored.Path.ShouldEndWith("/zusammenfassung");
        var shown = stored.Document.QuerySelectorAll(".summary-list dd").Select(d => d.TextContent).Single(t => t.Contains("ää"));
        shown.ShouldContain("ä….pdf");
        stored.Html.ShouldNotContain("unvollständig beschrieben");
    }

    [Theory]
    [InlineData("antrag.pdf", "antrag.pdf")]
    [InlineData("  ", "Datei")]
    public void Short_names_stay_as_they_are_and_empty_ones_get_a_name(string name, string kept) => FileNames.Shorten(name).ShouldBe(kept);

    [Fact]
    public void Long_names_fit_255_bytes_without_splitting_a_character()
    {
        var shortened = FileNames.Shorten(string.Concat(Enumerable.Repeat("😀", 100)) + ".jpeg");
        System.Text.Encoding.UTF8.GetByteCount(shortened).ShouldBeLessThanOrEqualTo(255);
        shortened.ShouldEndWith("….jpeg");
        shortened.EnumerateRunes().ShouldAllBe(r => r.Value != 0xFFFD);
    }

    private static async Task<PortalPage> FilesPageAsync(PortalClient client)
    {
        var page = await Journeys.FirstPageAsync(client, "nachweise");
        page = await client.SubmitAsync(page, "/senden", new Dictionary<string, string?> { ["familienstand"] = "ledig", ["aktenzeichen"] = "123A456789" }, "next");
        page.Path.ShouldEndWith("/seite/dateien");
        return page;
    }
}
