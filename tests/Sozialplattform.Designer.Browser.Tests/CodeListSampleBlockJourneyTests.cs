using System.Text;
using Microsoft.Playwright;

namespace Sozialplattform.Designer.Browser.Tests;

/// <summary>
/// The rest of a service in the designer, as an author meets it: a code list imported from CSV and given to a choice
/// field; the preview's answers saved as valid and invalid samples, after which the lint no longer misses samples; a
/// block's uses and the impact of changing it.
/// </summary>
[Collection(BrowserSession.Collection)]
public sealed class CodeListSampleBlockJourneyTests(BrowserSession session)
{
    [SkippableFact]
    public async Task An_author_imports_a_csv_code_list_attaches_it_and_saves_the_previews_answers_as_samples_until_the_lint_is_satisfied()
    {
        var page = await session.LoggedInPage();
        await page.GetByLabel("ID (klein, mit Bindestrichen)").FillAsync("wohnhilfe");
        await page.GetByLabel("Titel", new() { Exact = true }).FillAsync("Wohnhilfe");
        await page.GetByRole(AriaRole.Button, new() { Name = "Anlegen" }).ClickAsync();
        await page.WaitForURLAsync("**/designer/forms/wohnhilfe");
        await BrowserSession.Interactive(page);

        await page.GetByTestId("tree").Locator("[data-path='pages[0]']").ClickAsync();
        await page.GetByLabel("Typ des neuen Elements").SelectOptionAsync("choice");
        await page.GetByTestId("add-element").ClickAsync();
        await Assertions.Expect(page.GetByTestId("prop-key")).ToHaveValueAsync("feld");
        await page.GetByTestId("prop-key").FillAsync("wohnart");
        await page.GetByTestId("prop-key").PressAsync("Tab");
        await page.GetByLabel("Pflichtangabe").CheckAsync();

        var lists = page.GetByTestId("codelists");
        await Assertions.Expect(lists.GetByTestId("codelist-target")).ToContainTextAsync("wohnart");
        await lists.GetByLabel("Name (id)").FillAsync("wohnart-test");
        await lists.GetByLabel("Name (id)").PressAsync("Tab");
        await lists.Locator("#codelist-file").SetInputFilesAsync(new FilePayload
        {
            Name = "wohnart.csv", MimeType = "text/csv",
            Buffer = [.. Encoding.UTF8.Preamble.ToArray(), .. Encoding.UTF8.GetBytes("code;label;label_en\nmiete;Miete;rent\neigentum;Eigentum;own\n")],
        });
        await Assertions.Expect(lists.GetByTestId("codelist-message")).ToHaveTextAsync("Codeliste wohnart-test@1.0.0 angelegt.");
        await lists.GetByRole(AriaRole.Button, new() { Name = "wohnart-test@1.0.0 dem Feld zuordnen" }).ClickAsync();

        var preview = page.GetByTestId("preview");
        await Assertions.Expect(preview.Locator(".citizen-field")).ToContainTextAsync("Eigentum");
        var lint = page.GetByTestId("lint");
        await Assertions.Expect(lint).ToContainTextAsync("Beispielantworten fehlen (forms/");

        // Empty answers miss the required choice: the invalid sample, with that error expected.
        await Assertions.Expect(preview.Locator(".preview-errors")).ToContainTextAsync("wohnart");
        await preview.GetByTestId("save-invalid-sample").ClickAsync();
        await Assertions.Expect(preview.GetByTestId("sample-message")).ToContainTextAsync("Als ungültiges Beispiel gespeichert (invalid.json) mit 1 erwarteten Fehlern");
        await Assertions.Expect(lint).Not.ToContainTextAsync("answers/invalid.json");

        await preview.Locator(".citizen-field input[value=miete]").CheckAsync();
        await Assertions.Expect(preview.Locator(".preview-errors")).Not.ToContainTextAsync("wohnart");
        await preview.GetByTestId("save-valid-sample").ClickAsync();
        await Assertions.Expect(preview.GetByTestId("sample-message")).ToHaveTextAsync("Als gültiges Beispiel gespeichert (valid.json).");
        await Assertions.Expect(lint).Not.ToContainTextAsync("answers/");
        await page.ShouldHaveNoViolations();
    }

    [SkippableFact]
    public async Task An_author_sees_where_a_block_is_used_and_the_impact_of_changing_it_before_saving_it_as_a_new_version()
    {
        var page = await session.LoggedInPage();
        await page.GotoAsync(session.BaseUrl + "/designer/forms/avgs");
        await BrowserSession.Interactive(page);

        var blocks = page.GetByTestId("blocks");
        await blocks.GetByTestId("blocks-show").ClickAsync();
        var row = blocks.Locator("tr[data-block='kontakt@1.0.1']");
        await Assertions.Expect(row.Locator(".block-uses")).ToContainTextAsync("avgs@1.0.2");
        await row.GetByRole(AriaRole.Button, new() { Name = "kontakt@1.0.1 bearbeiten" }).ClickAsync();
        await Assertions.Expect(blocks.GetByLabel("Neue Version")).ToHaveValueAsync("1.1.0");

        var json = blocks.GetByLabel("JSON des Bausteins");
        var text = await json.InputValueAsync();
        await json.FillAsync(text.Replace("\"Telefonnummer\"", "\"Telefonnummer (tagsüber)\"", StringComparison.Ordinal));
        await json.PressAsync("Tab");
        await Assertions.Expect(blocks.GetByTestId("block-save")).ToBeDisabledAsync();
        await blocks.GetByTestId("block-check").ClickAsync();

        var impact = blocks.GetByTestId("block-impact");
        // The newest version of avgs: another journey of this host may have published one after 1.0.2.
        await Assertions.Expect(impact).ToContainTextAsync(new System.Text.RegularExpressions.Regex(@"avgs@1\.0\.\d+: nur Texte \(Korrekturversion\)"));
        await Assertions.Expect(impact).ToContainTextAsync("Telefonnummer (tagsüber)");
        await blocks.GetByTestId("block-save").ClickAsync();
        await Assertions.Expect(blocks.GetByTestId("block-message")).ToContainTextAsync("Baustein kontakt@1.1.0 gespeichert.");
        await Assertions.Expect(blocks.Locator("tr[data-block='kontakt@1.1.0']")).ToBeVisibleAsync();
        await page.ShouldHaveNoViolations();
    }
}
