using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Sozialplattform.Designer.Workspace;

namespace Sozialplattform.Designer.Browser.Tests;

/// <summary>
/// An author builds a condition inside a repeating group by choosing, never typing JavaScript. (The imported FIM form's
/// rules expressed, up to the form sent in the portal: <see cref="FimFormSentJourneyTests"/>.)
/// </summary>
[Collection(BrowserSession.Collection)]
public sealed class FimRulesJourneyTests(BrowserSession session)
{
    [SkippableFact]
    public async Task An_author_builds_a_condition_inside_a_repeating_group_by_choosing_field_operator_and_another_answer_of_the_same_row()
    {
        Skip.If(session.Browser is null, "Chromium is not installed; browser tests skipped locally.");
        const string form = """
            {"id": "bedingung-zeile", "version": "0.1.0", "status": "draft", "languages": ["de"], "title": "Bedingung in der Zeile",
             "pages": [{"id": "start", "title": "Start", "items": [
               {"key": "mitglieder", "type": "group", "title": "Mitglieder", "repeat": {"min": 1, "max": 5}, "items": [
                 {"key": "einkommen", "type": "money", "label": "Einkommen"},
                 {"key": "freibetrag", "type": "money", "label": "Freibetrag"},
                 {"key": "nachweis", "type": "text", "label": "Nachweis des Einkommens"}]}]}]}
            """;
        session.Host.Services.GetRequiredService<FormWorkspace>().Create("bedingung-zeile", Encoding.UTF8.GetBytes(form), "vorbereitung");
        var page = await session.LoggedInPage();
        await page.GotoAsync(session.BaseUrl + "/designer/forms/bedingung-zeile");
        await BrowserSession.Interactive(page);

        await page.GetByTestId("tree").Locator("[data-path='pages[0].items[0].items[2]']").ClickAsync();
        var editor = page.Locator(".rule-editor").Filter(new() { Has = page.GetByText("Sichtbar, wenn", new() { Exact = true }) });
        await editor.GetByRole(AriaRole.Button, new() { Name = "Bedingung hinzufügen" }).ClickAsync();
        await editor.GetByLabel("Feld", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Einkommen (in derselben Zeile)" });
        await editor.GetByLabel("Bedingung", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "größer als" });
        await Assertions.Expect(editor.GetByLabel("Bedingung", new() { Exact = true })).ToHaveValueAsync("Greater");
        await editor.GetByLabel("verglichen mit").SelectOptionAsync(new SelectOptionValue { Label = "einer anderen Antwort" });
        await Assertions.Expect(editor.GetByLabel("Antwort", new() { Exact = true })).ToBeVisibleAsync();
        await editor.GetByLabel("Antwort", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Freibetrag (in derselben Zeile)" });
        await Assertions.Expect(editor.Locator("textarea.rule")).ToHaveValueAsync("einkommen > freibetrag");
        await page.ShouldHaveNoViolations();

        var preview = page.GetByTestId("preview");
        await preview.Locator(".preview-group").Filter(new() { HasText = "Mitglieder" }).GetByRole(AriaRole.Button).ClickAsync();
        await preview.Locator("input[name='mitglieder[0].einkommen']").FillAsync("900");
        await preview.Locator("input[name='mitglieder[0].einkommen']").PressAsync("Tab");
        await preview.Locator("input[name='mitglieder[0].freibetrag']").FillAsync("520");
        await preview.Locator("input[name='mitglieder[0].freibetrag']").PressAsync("Tab");
        await Assertions.Expect(preview.Locator("input[name='mitglieder[0].nachweis']")).ToBeVisibleAsync();
        await preview.Locator("input[name='mitglieder[0].freibetrag']").FillAsync("1000");
        await preview.Locator("input[name='mitglieder[0].freibetrag']").PressAsync("Tab");
        await Assertions.Expect(preview.Locator("input[name='mitglieder[0].nachweis']")).ToHaveCountAsync(0);
    }
}
