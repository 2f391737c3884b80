using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using System.Text;
using Sozialplattform.Designer.Accounts;
using Sozialplattform.Designer.Workspace;

namespace Sozialplattform.Designer.Browser.Tests;

/// <summary>
/// Review before publishing in Chromium: an Autor changes a catalog form and a decision letter and proposes it (no
/// publish button), the Redaktion account reads the proposal's diff with the letter's lines, approves and publishes it
/// (the letter with it), and the running portal serves the new version without a restart.
/// </summary>
[Collection(BrowserSession.Collection)]
public sealed class ReviewJourneyTests(BrowserSession session)
{
    private const string AutorPassword = "Autor-Reise-Passwort-2026";
    private const string Letter = "Zusage {{ reference_number }}\nIhr Antrag „{{ title }}“ ist bewilligt.\n";

    [SkippableFact]
    public async Task An_Autor_proposes_a_changed_title_and_letter_the_Redaktion_sees_both_approves_and_publishes_and_the_portal_serves_the_new_version()
    {
        Skip.If(session.Browser is null, "Chromium is not installed; browser tests skipped locally.");
        session.Host.Services.GetRequiredService<AuthorAccounts>().Create("autor-reise", "Autor Reise", AutorPassword, AuthorRole.Author);

        var autor = await session.LoggedInPage("autor-reise", AutorPassword);
        await autor.GotoAsync(session.BaseUrl + "/designer/forms/avgs");
        await BrowserSession.Interactive(autor);
        await autor.GetByTestId("text-title-de").FillAsync("Aktivierungsgutschein (geprüft)");
        await autor.GetByTestId("text-title-de").PressAsync("Tab");
        await Assertions.Expect(autor.GetByTestId("publish-version")).ToHaveValueAsync("1.0.3");
        await Assertions.Expect(autor.GetByTestId("publish-button")).ToHaveCountAsync(0);
        await autor.GetByTestId("letter-name").FillAsync("zusage");
        await autor.GetByTestId("letter-add").ClickAsync();
        await Assertions.Expect(autor.GetByTestId("template-text")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("^Bescheid über Ihren Antrag"));
        await autor.GetByTestId("template-text").FillAsync(Letter);
        await autor.GetByTestId("template-save").ClickAsync();
        await Assertions.Expect(autor.GetByTestId("template-message")).ToContainTextAsync("Vorlage gespeichert.");
        await Assertions.Expect(autor.GetByTestId("service-history-set")).ToHaveCountAsync(1);
        await autor.GetByTestId("propose-button").ClickAsync();
        await Assertions.Expect(autor.GetByTestId("publish-message")).ToContainTextAsync("Version 1.0.3 ist zur Prüfung vorgeschlagen.");
        await Assertions.Expect(autor.GetByTestId("review-state")).ToContainTextAsync("wartet auf Prüfung");
        await autor.ShouldHaveNoViolations();

        var redaktion = await session.LoggedInPage();
        await redaktion.GotoAsync(session.BaseUrl + "/designer/forms/avgs/review");
        await BrowserSession.Interactive(redaktion);
        await Assertions.Expect(redaktion.GetByTestId("review-diff")).ToContainTextAsync("Aktivierungsgutschein (geprüft)");
        await Assertions.Expect(redaktion.GetByTestId("review-impact")).ToContainTextAsync("nur Texte");
        await Assertions.Expect(redaktion.GetByTestId("review-service-diff")).ToContainTextAsync("Bescheid „zusage“ (Deutsch) hinzugefügt");
        await Assertions.Expect(redaktion.GetByTestId("line-diff")).ToContainTextAsync("+ Ihr Antrag „{{ title }}“ ist bewilligt.");
        await redaktion.ShouldHaveNoViolations();
        await redaktion.GetByTestId("approve-button").ClickAsync();
        await Assertions.Expect(redaktion.GetByTestId("review-message")).ToHaveTextAsync("Freigegeben.");
        await redaktion.GetByTestId("publish-approved-button").ClickAsync();
        await Assertions.Expect(redaktion.GetByTestId("review-message")).ToHaveTextAsync("Version 1.0.3 ist veröffentlicht.");
        session.Host.Services.GetRequiredService<FormWorkspace>().ServiceFilesOf("avgs", "1.0.3")["letters/zusage.de.scriban"].ShouldBe(Letter);

        var portal = await redaktion.Context.NewPageAsync();
        var deadline = DateTime.UtcNow + BrowserSession.Ceiling;
        while (true)
        {
            await portal.GotoAsync(session.BaseUrl + "/de/leistungen/avgs");
            if ((await portal.ContentAsync()).Contains("Aktivierungsgutschein (geprüft)", StringComparison.Ordinal) || DateTime.UtcNow > deadline) break;
            await Task.Delay(250);
        }

        (await portal.ContentAsync()).ShouldContain("Aktivierungsgutschein (geprüft)");
    }

    [SkippableFact]
    public async Task A_rename_in_the_key_box_updates_the_rules_and_a_letter_that_renders_with_the_new_key_a_taken_key_is_said_beside_it_and_Ctrl_Z_undoes_it()
    {
        Skip.If(session.Browser is null, "Chromium is not installed; browser tests skipped locally.");
        const string form = """
            {"id": "umbenennen-probe", "version": "0.1.0", "status": "draft", "languages": ["de"], "title": "Umbenennen",
             "pages": [{"id": "start", "title": "Start", "items": [
               {"key": "alter", "type": "integer", "label": "Alter"},
               {"key": "hinweis", "type": "text", "label": "Hinweis", "visibleIf": "alter > 17 && art !== 'alter'"},
               {"key": "art", "type": "text", "label": "Art"}]}]}
            """;
        var workspace = session.Host.Services.GetRequiredService<FormWorkspace>();
        workspace.Create("umbenennen-probe", Encoding.UTF8.GetBytes(form), "vorbereitung");
        var sample = new System.Text.Json.Nodes.JsonObject { ["alter"] = 42, ["hinweis"] = "keiner", ["art"] = "Probe" };
        var loaded = Sozialplattform.Engine.FormEngine.LoadText(form, "umbenennen-probe/draft", workspace.Catalog);
        string.Join(" | ", loaded.Errors).ShouldBe("");
        var engine = loaded.Engine!;
        new DraftSamples(workspace).Save("umbenennen-probe", SampleKind.Valid, sample, engine.Validate(sample), "vorbereitung").Saved.ShouldBeTrue();
        new Sozialplattform.Designer.Service.DraftServiceFiles(workspace).Save("umbenennen-probe", 0, new Dictionary<string, string>
        {
            ["letters/bescheid.de.scriban"] = "Bescheid {{ reference_number }}\nSie sind {{ answers.alter }} Jahre alt ({{ answers[\"alter\"] }}).\n",
        }, "vorbereitung").Saved.ShouldBeTrue();
        var page = await session.LoggedInPage();
        await page.GotoAsync(session.BaseUrl + "/designer/forms/umbenennen-probe");
        await BrowserSession.Interactive(page);
        var tree = page.GetByTestId("tree");

        await tree.Locator("[data-path='pages[0].items[0]']").ClickAsync();
        await page.GetByTestId("prop-key").FillAsync("hinweis");
        await page.GetByTestId("prop-key").PressAsync("Tab");
        await Assertions.Expect(page.GetByTestId("rename-refused")).ToContainTextAsync("Den Schlüssel „hinweis“ gibt es auf dieser Ebene schon");
        await page.ShouldHaveNoViolations();

        await page.GetByTestId("prop-key").FillAsync("lebensalter");
        await page.GetByTestId("prop-key").PressAsync("Tab");
        await Assertions.Expect(tree.Locator("[data-path='pages[0].items[0]']")).ToContainTextAsync("lebensalter");
        await Assertions.Expect(page.GetByTestId("rename-done")).ToContainTextAsync("1 Regeln angepasst.");
        await Assertions.Expect(page.GetByTestId("rename-done")).ToContainTextAsync("Vorlagen angepasst und gespeichert: letters/bescheid.de.scriban.");
        var templates = page.GetByTestId("templates-panel");
        await templates.GetByTestId("template-choice").SelectOptionAsync("letters/bescheid.de.scriban");
        await Assertions.Expect(templates.GetByTestId("template-text")).ToHaveValueAsync("Bescheid {{ reference_number }}\nSie sind {{ answers.lebensalter }} Jahre alt ({{ answers[\"lebensalter\"] }}).\n");
        await templates.GetByTestId("template-preview").ClickAsync();
        await Assertions.Expect(templates.GetByTestId("template-body")).ToContainTextAsync("Sie sind 42 Jahre alt (42).");
        await tree.Locator("[data-path='pages[0].items[1]']").ClickAsync();
        await Assertions.Expect(page.Locator("textarea.rule").First).ToHaveValueAsync("lebensalter > 17 && art !== 'alter'");

        await tree.Locator("[data-path='pages[0].items[1]']").FocusAsync();
        await page.Keyboard.PressAsync("Control+z");
        await Assertions.Expect(tree.Locator("[data-path='pages[0].items[0]']")).Not.ToContainTextAsync("lebensalter");
        await Assertions.Expect(page.Locator("textarea.rule").First).ToHaveValueAsync("alter > 17 && art !== 'alter'");
    }
}
