using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Sozialplattform.Designer.Documents;
using Sozialplattform.Designer.Editing;
using Sozialplattform.Designer.Workspace;

namespace Sozialplattform.Designer.Browser.Tests;

[Collection(BrowserSession.Collection)]
public sealed class DesignerJourneyTests(BrowserSession session)
{
    private static ILocator Tree(IPage page) => page.GetByTestId("tree");

    private static ILocator Node(IPage page, string path) => Tree(page).Locator($"[data-path='{path}']");

    private static async Task SetProperty(IPage page, string name, string value)
    {
        var input = page.GetByTestId($"prop-{name}");
        await input.FillAsync(value);
        await input.PressAsync("Tab");
        await Assertions.Expect(page.GetByTestId("tree").Locator("[aria-selected=true]")).ToContainTextAsync(value);
    }

    /// <summary>Adds an element and waits until the property panel shows it (its free default key).</summary>
    private static async Task Add(IPage page, string type, string defaultKey)
    {
        await page.GetByLabel("Typ des neuen Elements").SelectOptionAsync(type);
        await page.GetByTestId("add-element").ClickAsync();
        await Assertions.Expect(page.GetByTestId("prop-key")).ToHaveValueAsync(defaultKey);
    }

    [SkippableFact]
    public async Task An_author_builds_a_form_with_a_per_row_rule_previews_publishes_changes_it_publishes_again_and_reads_the_diff()
    {
        var page = await session.LoggedInPage();
        await page.ShouldHaveNoViolations();

        await page.GetByLabel("ID (klein, mit Bindestrichen)").FillAsync("kinderbetreuung");
        await page.GetByLabel("Titel", new() { Exact = true }).FillAsync("Kinderbetreuung");
        await page.GetByRole(AriaRole.Button, new() { Name = "Anlegen" }).ClickAsync();
        await page.WaitForURLAsync("**/designer/forms/kinderbetreuung");
        await BrowserSession.Interactive(page);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Kinderbetreuung");

        await Node(page, "pages[0]").ClickAsync();
        await Add(page, "yesNo", "feld");
        await SetProperty(page, "key", "hatKinder");
        await Node(page, "pages[0]").ClickAsync();
        await Add(page, "repeatingGroup", "liste");
        await SetProperty(page, "key", "kinder");
        await Add(page, "integer", "feld");
        await SetProperty(page, "key", "alter");
        await Add(page, "text", "feld");
        await SetProperty(page, "key", "schule");
        await Assertions.Expect(Node(page, "pages[0].items[1].items[1]")).ToContainTextAsync("schule");

        // keyboard: up to "alter", move it down below "schule" with Alt+↓, then undo with Ctrl+Z
        await Node(page, "pages[0].items[1].items[1]").FocusAsync();
        await page.Keyboard.PressAsync("ArrowUp");
        await Assertions.Expect(Node(page, "pages[0].items[1].items[0]")).ToHaveAttributeAsync("aria-selected", "true");
        await page.Keyboard.PressAsync("Alt+ArrowDown");
        await Assertions.Expect(Node(page, "pages[0].items[1].items[1]")).ToContainTextAsync("alter");
        await page.Keyboard.PressAsync("Control+z");
        await Assertions.Expect(Node(page, "pages[0].items[1].items[1]")).ToContainTextAsync("schule");

        await Node(page, "pages[0].items[1].items[1]").ClickAsync();
        var rule = page.GetByLabel("Sichtbar, wenn").First;
        await rule.FillAsync("alterr >= 6");
        await Assertions.Expect(page.GetByText("Unbekannter Name 'alterr'")).ToBeVisibleAsync();
        await rule.FillAsync("alter >= 6 && hatKinder");
        await Assertions.Expect(page.GetByText("Regel in Ordnung.").First).ToBeVisibleAsync();
        await rule.PressAsync("Tab");

        await page.GetByTestId("preview").GetByRole(AriaRole.Button, new() { Name = "Eintrag hinzufügen" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("rules-fired")).ToContainTextAsync("kinder[0].schule");
        // The preview is the citizen portal's own renderer (its field markup and styles), and answering in it runs the rules.
        var preview = page.GetByTestId("preview");
        await Assertions.Expect(preview.Locator(".citizen-field .field__label").First).ToBeVisibleAsync();
        await preview.Locator(".citizen-field input[type=radio][value=true]").First.CheckAsync();
        await preview.Locator(".citizen-field input[name='kinder[0].alter']").FillAsync("7");
        await preview.Locator(".citizen-field input[name='kinder[0].alter']").PressAsync("Tab");
        if (Environment.GetEnvironmentVariable("DESIGNER_SCREENSHOTS") is { Length: > 0 } shots)
        {
            await page.ScreenshotAsync(new() { Path = Path.Combine(shots, "designer-editor.png"), FullPage = true });
            File.WriteAllText(Path.Combine(shots, "preview.html"), await preview.InnerHTMLAsync());
        }
        await Assertions.Expect(page.GetByTestId("rules-fired").Locator("tr.fired")).ToContainTextAsync("kinder[0].schule");
        await Assertions.Expect(preview.Locator(".citizen-field input[name='kinder[0].schule']")).ToBeVisibleAsync();
        await page.GetByTestId("save").ClickAsync();
        await Assertions.Expect(page.GetByTestId("save-state")).ToContainTextAsync("Gespeichert");
        await page.ShouldHaveNoViolations();

        await Assertions.Expect(page.GetByTestId("publish-version")).ToHaveValueAsync("1.0.0");
        await page.GetByTestId("publish-button").ClickAsync();
        await Assertions.Expect(page.GetByTestId("publish-message")).ToContainTextAsync("Version 1.0.0 ist veröffentlicht.");

        await page.GetByTestId("text-label-de").FillAsync("Name der Schule");
        await page.GetByTestId("text-label-de").PressAsync("Tab");
        await Assertions.Expect(page.GetByTestId("publish-version")).ToHaveValueAsync("1.0.1");
        await page.GetByTestId("publish-button").ClickAsync();
        await Assertions.Expect(page.GetByTestId("publish-message")).ToContainTextAsync("Version 1.0.1 ist veröffentlicht.");

        await page.GetByRole(AriaRole.Link, new() { Name = "Versionen und Unterschiede" }).ClickAsync();
        await page.WaitForURLAsync("**/versions");
        await BrowserSession.Interactive(page);
        await page.GetByLabel("Von").SelectOptionAsync("1.0.0");
        await page.GetByLabel("Zu").SelectOptionAsync("1.0.1");
        await Assertions.Expect(page.GetByTestId("diff")).ToContainTextAsync("Feld „Name der Schule“ (kinder.schule): Beschriftung (Deutsch) geändert von „Neues Feld“ zu „Name der Schule“");
        await page.ShouldHaveNoViolations();
    }

    [SkippableFact]
    public async Task An_author_opens_a_catalog_form_and_fixes_a_lint_error()
    {
        var workspace = session.Host.Services.GetRequiredService<FormWorkspace>();
        var draft = workspace.Open("einstiegsgeld", "vorbereitung");
        var document = DefinitionDocument.Parse(draft.Content, "einstiegsgeld");
        var field = DocumentPath.Parse("pages[2].items[2]");
        document.Apply(new SetText(field, "label", "en", ""));
        workspace.Save("einstiegsgeld", document.ToUtf8(), draft.ETag, "vorbereitung");

        var page = await session.LoggedInPage();
        await page.GotoAsync(session.BaseUrl + "/designer/forms/einstiegsgeld");
        await BrowserSession.Interactive(page);
        var lint = page.GetByTestId("lint");
        await Assertions.Expect(lint).ToContainTextAsync("Der Text fehlt in der Sprache „en“");
        await page.ShouldHaveNoViolations();

        await lint.GetByRole(AriaRole.Button, new() { Name = $"Zum Element {field}" }).First.ClickAsync();
        await Assertions.Expect(Node(page, field.ToString())).ToHaveAttributeAsync("aria-selected", "true");
        await page.GetByTestId("text-label-en").FillAsync("Employer");
        await page.GetByTestId("text-label-en").PressAsync("Tab");

        await Assertions.Expect(lint).Not.ToContainTextAsync("Der Text fehlt in der Sprache „en“");
        await Assertions.Expect(lint.GetByRole(AriaRole.Status)).ToContainTextAsync(new System.Text.RegularExpressions.Regex("^(0 Fehler|Keine Probleme)"));
        await page.GetByTestId("save").ClickAsync();
        await Assertions.Expect(page.GetByTestId("save-state")).ToContainTextAsync("Gespeichert");
        (JsonNode.Parse(workspace.Current("einstiegsgeld")!.Content)!["pages"]![2]!["items"]![2]!["label"]!["en"]!.GetValue<string>()).ShouldBe("Employer");
    }
}
