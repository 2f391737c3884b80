using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Sozialplattform.Designer.Workspace;
using Sozialplattform.Fim.Xml;

namespace Sozialplattform.Designer.Browser.Tests;

/// <summary>
/// An imported FIM form's natural-language rules finished in Chromium: the real Bewohnerparken schema (S05000058, read
/// from ../shared/standards) is uploaded, one of its rules is expressed with the condition builder beside the elements it
/// names and marked done, the lint's count of open rules drops, and the form can be sent in the preview. And an author
/// builds a condition inside a repeating group by choosing, never typing JavaScript.
/// </summary>
[Collection(BrowserSession.Collection)]
public sealed class FimRulesJourneyTests(BrowserSession session)
{
    private const string Bewohnerparken = "xdf2/examples/glykon-bewohnerparken/S05000058V1.0_xdf2.xml";

    [SkippableFact]
    public async Task An_author_expresses_an_imported_FIM_rule_with_the_builder_marks_it_done_and_the_form_can_be_sent_in_the_preview()
    {
        Skip.If(session.Browser is null, "Chromium is not installed; browser tests skipped locally.");
        var standards = StandardsLocator.FindStandards(AppContext.BaseDirectory) ?? throw new InvalidOperationException("../shared/standards not found");
        var page = await session.LoggedInPage();

        await page.Locator("#fim-upload").SetInputFilesAsync(new FilePayload
        {
            Name = "S05000058V1.0_xdf2.xml", MimeType = "text/xml", Buffer = await File.ReadAllBytesAsync(Path.Combine(standards, Bewohnerparken)),
        });
        await page.WaitForURLAsync("**/designer/forms/fim-s05000058");
        await BrowserSession.Interactive(page);

        var panel = page.GetByTestId("fim-rules");
        var lint = page.GetByTestId("lint");
        await Assertions.Expect(panel.GetByTestId("fim-rules-open")).ToHaveTextAsync("2 von 2 offen");
        await Assertions.Expect(lint).ToContainTextAsync("2 von 2 FIM-Regeln sind noch nicht umgesetzt");
        var rule = panel.GetByTestId("fim-rule").Filter(new() { HasText = "R05000334" });
        await Assertions.Expect(rule).ToContainTextAsync("Wenn bei F05001347");
        await Assertions.Expect(rule).ToContainTextAsync("Art des Antrags (F05001347)");
        await Assertions.Expect(rule).ToContainTextAsync("Angaben zur bestehenden Parkgenehmigung (G05000599)");

        // "Wenn bei F05001347 „02 eine Erneuerung …“ angegeben wird, dann wird G05000599 eine Pflichtangabe": the group
        // is asked for when the application is a renewal — chosen in the builder, not typed.
        await rule.GetByRole(AriaRole.Button, new() { Name = "Umsetzen" }).ClickAsync();
        var editor = rule.Locator(".rule-editor").Filter(new() { HasText = "Sichtbar, wenn — Angaben zur bestehenden Parkgenehmigung" });
        await editor.GetByRole(AriaRole.Button, new() { Name = "Bedingung hinzufügen" }).ClickAsync();
        await editor.GetByLabel("Feld", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Art des Antrags" });
        // each choice is a round trip to the server; the next input belongs to the new comparison only once it is back
        await Assertions.Expect(editor.Locator("textarea.rule")).ToHaveValueAsync("F05001347 === ''");
        await Assertions.Expect(editor.GetByLabel("Bedingung", new() { Exact = true })).ToHaveValueAsync("Is");
        await editor.GetByLabel("Wert", new() { Exact = true }).FillAsync("02");
        await editor.GetByLabel("Wert", new() { Exact = true }).PressAsync("Tab");
        await Assertions.Expect(editor.Locator("textarea.rule")).ToHaveValueAsync("F05001347 === '02'");
        await page.ShouldHaveNoViolations();

        await rule.GetByRole(AriaRole.Button, new() { Name = "Als erledigt markieren" }).ClickAsync();
        await Assertions.Expect(panel.GetByTestId("fim-rules-open")).ToHaveTextAsync("1 von 2 offen");
        await Assertions.Expect(rule).ToContainTextAsync("(erledigt)");
        await Assertions.Expect(lint).ToContainTextAsync("1 von 2 FIM-Regeln ist noch nicht umgesetzt");

        // The preview: the group stays hidden until the application is a renewal; answering every question leaves no message.
        var preview = page.GetByTestId("preview");
        await Assertions.Expect(preview.Locator(".preview-group").Filter(new() { HasText = "Angaben zur bestehenden Parkgenehmigung" })).ToHaveCountAsync(0);
        await AnswerEveryRequiredQuestion(page);
        await Assertions.Expect(preview.Locator(".preview-errors li")).ToHaveCountAsync(0);
        await preview.Locator("input[name='G05000493.F05001347']").FillAsync("02");
        await preview.Locator("input[name='G05000493.F05001347']").PressAsync("Tab");
        await Assertions.Expect(preview.Locator(".preview-group").Filter(new() { HasText = "Angaben zur bestehenden Parkgenehmigung" })).ToHaveCountAsync(1);
        await Assertions.Expect(preview.Locator(".preview-errors li")).ToHaveCountAsync(0);
        await page.GetByTestId("save").ClickAsync();
        await Assertions.Expect(page.GetByTestId("save-state")).ToContainTextAsync("Gespeichert");
        var saved = Encoding.UTF8.GetString(session.Host.Services.GetRequiredService<FormWorkspace>().Current("fim-s05000058")!.Content);
        saved.ShouldContain("\"fimRulesDone\": [\"R05000334 1.0\"]");
        saved.ShouldContain("\"visibleIf\": \"F05001347 === '02'\"");
    }

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

    /// <summary>
    /// Answers what the preview still asks for, as an author trying the form would: each message names the answer's
    /// path, and the input of that path gets a plausible value for its kind (text, number, date), until none is left.
    /// </summary>
    private static async Task AnswerEveryRequiredQuestion(IPage page)
    {
        var preview = page.GetByTestId("preview");
        var deadline = DateTime.UtcNow + BrowserSession.Ceiling;
        var tries = new Dictionary<string, int>();
        while (DateTime.UtcNow < deadline)
        {
            var messages = await preview.Locator(".preview-errors li").AllTextContentsAsync();
            if (messages.Count == 0) return;
            foreach (var message in messages.DistinctBy(m => m.Split(':')[0]))
            {
                var path = message.Split(':')[0].Trim();
                var attempt = tries[path] = tries.GetValueOrDefault(path) + 1;
                if (attempt > 1 && attempt % 10 != 0) continue; // the preview is re-evaluated off the circuit's thread: give it time before trying again
                var input = preview.Locator($"input[name='{path}']");
                if (message.Contains("Einträge nötig", StringComparison.Ordinal))
                {
                    // a repeating group (a FIM field with anzahl 1:*) without its first row: add one, as the citizen would
                    if (await preview.Locator($"input[name^='{path}[']").CountAsync() > 0) continue;
                    var label = message[(message.IndexOf('„') + 1)..message.IndexOf('“')];
                    await preview.Locator(".preview-group").Filter(new() { HasText = label }).GetByRole(AriaRole.Button).ClickAsync();
                    continue;
                }

                if (await input.CountAsync() != 1) continue;
                var type = await input.GetAttributeAsync("type") ?? "text";
                await input.FillAsync(type switch { "date" => "1990-04-01", "number" => "12345", _ => Value(path) });
                await input.PressAsync("Tab");
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("The preview kept asking: " + string.Join(" | ", await preview.Locator(".preview-errors li").AllTextContentsAsync()));
    }

    /// <summary>Texts that pass the imported fields' checks (the postal code's five digits), an e-mail address for the e-mail field.</summary>
    private static string Value(string path) => path.EndsWith("F05001354", StringComparison.Ordinal) ? "erika@example.org" : "12345";
}
