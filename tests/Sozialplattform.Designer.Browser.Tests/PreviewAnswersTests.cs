using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Sozialplattform.Designer.Workspace;

namespace Sozialplattform.Designer.Browser.Tests;

/// <summary>
/// Address, multiple-choice and file fields could not be answered in the preview (their inputs are composite). They are
/// read now as the portal reads a posted page — by part, every ticked box, a chosen file as a stand-in — and the
/// translations panel beside German passes axe too.
/// </summary>
[Collection(BrowserSession.Collection)]
public sealed class PreviewAnswersTests(BrowserSession session)
{
    private const string Form = """
        {
          "id": "vorschau-probe", "version": "0.1.0", "status": "draft", "languages": ["de", "en"],
          "title": { "de": "Vorschau-Probe", "en": "Preview probe" }, "shortTitle": { "de": "Probe", "en": "Probe" },
          "description": { "de": "Probe", "en": "Probe" }, "topic": "arbeit",
          "pages": [ { "id": "seite", "title": { "de": "Seite", "en": "Page" }, "items": [
            { "key": "anschrift", "type": "address", "label": { "de": "Anschrift", "en": "Address" }, "required": true },
            { "key": "leistungen", "type": "multiChoice", "label": { "de": "Leistungen", "en": "Benefits" }, "required": true, "minSelected": 2,
              "options": [ { "code": "a", "label": { "de": "Miete", "en": "Rent" } }, { "code": "b", "label": { "de": "Heizung", "en": "Heating" } }, { "code": "c", "label": { "de": "Strom", "en": "Power" } } ] },
            { "key": "nachweis", "type": "file", "label": { "de": "Nachweis", "en": "Proof" }, "required": true, "accept": ["application/pdf"], "maxSize": 1048576 }
          ] } ]
        }
        """;

    [SkippableFact]
    public async Task An_author_answers_an_address_a_multiple_choice_and_a_file_in_the_preview_and_the_errors_go()
    {
        session.Host.Services.GetRequiredService<FormWorkspace>().Create("vorschau-probe", Encoding.UTF8.GetBytes(Form), "vorbereitung");
        var page = await session.LoggedInPage();
        await page.GotoAsync(session.BaseUrl + "/designer/forms/vorschau-probe");
        await BrowserSession.Interactive(page);
        var preview = page.GetByTestId("preview");
        var messages = preview.Locator(".preview-errors");
        await Assertions.Expect(messages).ToContainTextAsync("anschrift");

        await preview.Locator("input[name='anschrift.street']").FillAsync("Hauptstraße");
        await preview.Locator("input[name='anschrift.houseNumber']").FillAsync("5");
        await preview.Locator("input[name='anschrift.postalCode']").FillAsync("50667");
        await preview.Locator("input[name='anschrift.city']").FillAsync("Köln");
        await preview.Locator("input[name='anschrift.city']").PressAsync("Tab");
        await preview.Locator("input[name='leistungen'][value='a']").CheckAsync();
        await Assertions.Expect(messages).ToContainTextAsync("leistungen"); // one of at least two
        await preview.Locator("input[name='leistungen'][value='c']").CheckAsync();
        await preview.Locator("input[name='nachweis']").SetInputFilesAsync(new FilePayload { Name = "foto.png", MimeType = "image/png", Buffer = new byte[10] });
        await Assertions.Expect(messages).ToContainTextAsync("nachweis"); // a PNG where only PDF is accepted
        await preview.Locator("input[name='nachweis']").SetInputFilesAsync(new FilePayload { Name = "bescheid.pdf", MimeType = "application/pdf", Buffer = new byte[10] });

        await Assertions.Expect(messages).Not.ToContainTextAsync("anschrift");
        await Assertions.Expect(messages).Not.ToContainTextAsync("leistungen");
        await Assertions.Expect(messages).Not.ToContainTextAsync("nachweis");

        await page.GetByTestId("translations").GetByRole(AriaRole.Button, new() { Name = "Englisch ansehen" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("side-by-side")).ToContainTextAsync("Anschrift");
        await page.ShouldHaveNoViolations();
    }
}
