extern alias platform;

using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using OtpNet;
using Sozialplattform.Designer.Accounts;
using Sozialplattform.Delivery.Geo;
using Sozialplattform.Designer.Workspace;
using Sozialplattform.Fim.Xml;
using Sozialplattform.Storage.Database;
using Sozialplattform.Storage.Inbox;
using Sozialplattform.Storage.Routing;

namespace Sozialplattform.Designer.Browser.Tests;

/// <summary>
/// An imported FIM form from upload to an application in an authority's inbox, in Chromium on one running platform host:
/// an Autor uploads the real Bewohnerparken schema (S05000058, ../shared/standards), expresses one of its FIM rules with
/// the condition builder beside the elements it names and marks it done (the lint's count drops), answers every question
/// in the preview, imports the six genericode lists beside the schema in „Codelisten“, gives each to the field that waits
/// for it, writes the service description (previewed as the portal's page) and proposes; the Redaktion assigns the Zuständigkeit at the tenant this host's portal serves (nrw), approves
/// and publishes; a citizen finds the form in the portal of the same host, fills it in for Köln and sends it; the
/// application is stored, routed to the Sozialamt Stadt Köln and shown in that authority's inbox.
/// </summary>
[Collection(BrowserSession.Collection)]
public sealed class FimFormSentJourneyTests(BrowserSession session)
{
    private const string Folder = "xdf2/examples/glykon-bewohnerparken";
    private const string FormId = "fim-s05000058";
    private const string AutorPassword = "Autor-FIM-Reise-Passwort-2026";
    private const string CaseworkerPassword = "Koeln-Posteingang-2026-Reise";

    [SkippableFact]
    public async Task An_uploaded_FIM_form_gets_its_code_lists_and_rules_is_reviewed_published_sent_by_a_citizen_and_lands_in_the_authoritys_inbox()
    {
        Skip.If(session.Browser is null, "Chromium is not installed; browser tests skipped locally.");
        var standards = StandardsLocator.FindStandards(AppContext.BaseDirectory) ?? throw new InvalidOperationException("../shared/standards not found");
        session.Host.Services.GetRequiredService<AuthorAccounts>().Create("autor-fim", "Autor FIM", AutorPassword, AuthorRole.Author);
        // This host's portal serves nrw, which routes by Kreis: the operator's postal-code data for Köln (the real file's
        // rows of 50667, as `sozial geo import` stores them; the shared host starts without postal-code data).
        var geo = Path.Combine(session.Host.Catalog.Root, "geo-koeln.csv");
        var rows = await File.ReadAllLinesAsync(Path.Combine(standards, "..", "data", "geo", "zipcodes.de.csv"));
        await File.WriteAllLinesAsync(geo, [rows[0], .. rows.Where(r => r.StartsWith("DE,50667,", StringComparison.Ordinal))]);
        (await new GeoImporter(session.Host.Services.GetRequiredService<GeoStore>()).ImportAsync(geo)).Success.ShouldBeTrue();

        // The Autor uploads the schema: seven selects wait for their code lists, so the form cannot be published yet.
        var autor = await session.LoggedInPage("autor-fim", AutorPassword);
        await autor.Locator("#fim-upload").SetInputFilesAsync(Path.Combine(standards, Folder, "S05000058V1.0_xdf2.xml"));
        await autor.WaitForURLAsync("**/designer/forms/" + FormId);
        await BrowserSession.Interactive(autor);
        var lint = autor.GetByTestId("lint");
        await Assertions.Expect(lint).ToContainTextAsync("Die FIM-Codeliste Art des Antrags (kurz) 0.1 fehlte beim Import");

        // The rules arrive as text: listed beside the elements they name, counted by the lint.
        var panel = autor.GetByTestId("fim-rules");
        await Assertions.Expect(panel.GetByTestId("fim-rules-open")).ToHaveTextAsync("2 von 2 offen");
        await Assertions.Expect(lint).ToContainTextAsync("2 von 2 FIM-Regeln sind noch nicht umgesetzt");
        var rule = panel.GetByTestId("fim-rule").Filter(new() { HasText = "R05000334" });
        await Assertions.Expect(rule).ToContainTextAsync("Wenn bei F05001347");
        await Assertions.Expect(rule).ToContainTextAsync("Art des Antrags (F05001347)");
        await Assertions.Expect(rule).ToContainTextAsync("Angaben zur bestehenden Parkgenehmigung (G05000599)");

        // „Wenn bei F05001347 „02 eine Erneuerung …“ angegeben wird, dann wird G05000599 eine Pflichtangabe“: the group is
        // asked for when the application is a renewal — chosen in the builder, not typed.
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
        await autor.ShouldHaveNoViolations();
        await rule.GetByRole(AriaRole.Button, new() { Name = "Als erledigt markieren" }).ClickAsync();
        await Assertions.Expect(panel.GetByTestId("fim-rules-open")).ToHaveTextAsync("1 von 2 offen");
        await Assertions.Expect(rule).ToContainTextAsync("(erledigt)");
        await Assertions.Expect(lint).ToContainTextAsync("1 von 2 FIM-Regeln ist noch nicht umgesetzt");

        // The preview: the group stays hidden until the application is a renewal; answering every question leaves no message.
        var preview = autor.GetByTestId("preview");
        await Assertions.Expect(preview.Locator(".preview-group").Filter(new() { HasText = "Angaben zur bestehenden Parkgenehmigung" })).ToHaveCountAsync(0);
        await AnswerEveryRequiredQuestion(autor);
        await Assertions.Expect(preview.Locator(".preview-errors li")).ToHaveCountAsync(0);
        await preview.Locator("input[name='G05000493.F05001347']").FillAsync("02");
        await preview.Locator("input[name='G05000493.F05001347']").PressAsync("Tab");
        await Assertions.Expect(preview.Locator(".preview-group").Filter(new() { HasText = "Angaben zur bestehenden Parkgenehmigung" })).ToHaveCountAsync(1);
        await Assertions.Expect(preview.Locator(".preview-errors li")).ToHaveCountAsync(0);

        // Each waiting field, chosen in the tree, names the list it waits for; the Autor imports that genericode file
        // (found beside the schema by its canonical URI) once and gives it to the field.
        var imported = new Dictionary<string, string>();
        foreach (var (path, list) in WaitingFields())
        {
            await autor.GetByTestId("tree").Locator($"[data-path='{path}']").ClickAsync();
            var codeLists = autor.GetByTestId("codelists");
            await Assertions.Expect(codeLists.GetByTestId("codelist-waiting")).ToContainTextAsync($"wartet auf die FIM-Codeliste {list}");
            if (!imported.TryGetValue(list, out var reference))
            {
                var file = GenericodeFile(standards, list);
                var id = "fim-" + Path.GetFileName(file).Split('_')[0].ToLowerInvariant();
                await codeLists.Locator("#codelist-id").FillAsync(id);
                await codeLists.Locator("#codelist-id").PressAsync("Tab");
                await Assertions.Expect(codeLists.Locator("#codelist-version")).ToHaveValueAsync("1.0.0");
                await codeLists.Locator("#codelist-file").SetInputFilesAsync(file);
                await Assertions.Expect(codeLists.GetByTestId("codelist-message")).ToHaveTextAsync($"Codeliste {id}@1.0.0 angelegt.");
                imported[list] = reference = $"{id}@1.0.0";
            }

            await codeLists.GetByRole(AriaRole.Button, new() { Name = $"{reference} dem Feld zuordnen" }).ClickAsync();
            await Assertions.Expect(codeLists.GetByTestId("codelist-message")).ToContainTextAsync($"Codeliste {reference} dem Feld");
            await Assertions.Expect(codeLists.GetByTestId("codelist-waiting")).ToHaveCountAsync(0);
        }

        imported.Count.ShouldBe(6);

        // The service page: a description written in the draft shows, before saving, as the portal's own page would show it.
        await autor.GetByTestId("service-text-description-de").FillAsync("Für Bewohnerinnen und Bewohner mit **Hauptwohnsitz** in der Zone <b>A</b>.");
        await autor.GetByTestId("service-text-description-de").PressAsync("Tab");
        await autor.GetByTestId("service-page-preview").Locator("summary").ClickAsync();
        var servicePage = autor.GetByTestId("citizen-service-page");
        await Assertions.Expect(servicePage.Locator("strong")).ToHaveTextAsync("Hauptwohnsitz");
        await Assertions.Expect(servicePage).ToContainTextAsync("in der Zone <b>A</b>.");
        await Assertions.Expect(servicePage.Locator("h1")).ToHaveTextAsync("Antrag auf Erteilung / Verlängerung Bewohnerparkausweis");
        await Assertions.Expect(lint).Not.ToContainTextAsync("FIM-Codeliste");
        await autor.GetByTestId("save").ClickAsync();
        await Assertions.Expect(autor.GetByTestId("save-state")).ToContainTextAsync("Gespeichert");
        var saved = Encoding.UTF8.GetString(session.Host.Services.GetRequiredService<FormWorkspace>().Current(FormId)!.Content);
        saved.ShouldContain("\"fimRulesDone\": [\"R05000334 1.0\"]");
        saved.ShouldContain("\"visibleIf\": \"F05001347 === '02'\"");
        await Assertions.Expect(autor.GetByTestId("publish-unrouted")).ToBeVisibleAsync();
        var version = await autor.GetByTestId("publish-version").InputValueAsync();
        await autor.GetByTestId("propose-button").ClickAsync();
        await Assertions.Expect(autor.GetByTestId("publish-message")).ToContainTextAsync($"Version {version} ist zur Prüfung vorgeschlagen.");
        await autor.ShouldHaveNoViolations();

        // The Redaktion assigns the Sozialamt at nrw (the tenant of this host's portal), tries Köln's postal code, approves and publishes.
        var redaktion = await session.LoggedInPage();
        await redaktion.GotoAsync(session.BaseUrl + "/designer/forms/" + FormId);
        await BrowserSession.Interactive(redaktion);
        await redaktion.GetByTestId("routing-tenant").SelectOptionAsync("nrw");
        await redaktion.GetByTestId("routing-role").SelectOptionAsync("sozialamt");
        await redaktion.GetByTestId("routing-save").ClickAsync();
        await Assertions.Expect(redaktion.GetByTestId("routing-saved")).ToContainTextAsync("Gespeichert: nrw schickt die Anträge an Sozialamt");
        await redaktion.GetByTestId("routing-postal").FillAsync("50667");
        await redaktion.GetByTestId("routing-try").ClickAsync();
        await Assertions.Expect(redaktion.GetByTestId("routing-trial-office")).ToContainTextAsync("Sozialamt Stadt Köln");
        await redaktion.GotoAsync(session.BaseUrl + $"/designer/forms/{FormId}/review");
        await BrowserSession.Interactive(redaktion);
        await redaktion.GetByTestId("approve-button").ClickAsync();
        await Assertions.Expect(redaktion.GetByTestId("review-message")).ToHaveTextAsync("Freigegeben.");
        await redaktion.GetByTestId("publish-approved-button").ClickAsync();
        await Assertions.Expect(redaktion.GetByTestId("review-message")).ToHaveTextAsync($"Version {version} ist veröffentlicht.");

        // A citizen, in the portal of the same host: the published form appears within seconds, without a restart.
        var citizen = await redaktion.Context.Browser!.NewPageAsync(new BrowserNewPageOptions { Locale = "de-DE" });
        citizen.SetDefaultTimeout((float)BrowserSession.Ceiling.TotalMilliseconds);
        var deadline = DateTime.UtcNow + BrowserSession.Ceiling;
        while ((await citizen.GotoAsync(session.BaseUrl + "/de/leistungen/" + FormId))!.Status != 200 && DateTime.UtcNow < deadline) await Task.Delay(250);
        await Assertions.Expect(citizen.Locator("main .markdown strong")).ToHaveTextAsync("Hauptwohnsitz");
        await citizen.GetByRole(AriaRole.Button, new() { Name = "Antrag starten" }).ClickAsync();
        await citizen.GetByLabel("Postleitzahl").FillAsync("50667");
        await citizen.GetByRole(AriaRole.Button, new() { Name = "Suchen" }).ClickAsync();
        await Assertions.Expect(citizen.Locator(".panel")).ToContainTextAsync("Sozialamt Stadt Köln");
        await citizen.GetByRole(AriaRole.Link, new() { Name = "Weiter zum Antrag" }).ClickAsync();
        await FillEveryPage(citizen);
        var declaration = citizen.GetByLabel("Ich versichere");
        if (await declaration.CountAsync() > 0) await declaration.CheckAsync();
        await citizen.GetByRole(AriaRole.Button, new() { Name = "Antrag verbindlich absenden" }).ClickAsync();
        await Assertions.Expect(citizen.Locator(".confirmation__reference")).ToHaveTextAsync(new Regex("^SP-"));
        var referenceNumber = (await citizen.Locator(".confirmation__reference").TextContentAsync())!.Trim();

        // Stored, for the Sozialamt Stadt Köln, and in its inbox once the outbox delivered it.
        var database = session.Host.Services.GetRequiredService<SozialDatabase>();
        await using (var context = database.CreateContext())
        {
            var submission = await context.Submissions.SingleAsync(s => s.ReferenceNumber == referenceNumber);
            submission.FormId.ShouldBe(FormId);
            submission.FormVersion.ShouldBe(version);
            submission.PostalCode.ShouldBe("50667");
        }

        await session.Host.Services.GetRequiredService<Sozialplattform.Delivery.Outbox.OutboxDispatcher>().RunOnceAsync();
        await using (var context = database.CreateContext())
        {
            var submission = await context.Submissions.SingleAsync(s => s.ReferenceNumber == referenceNumber);
            (await context.InboxItems.Where(i => i.SubmissionId == submission.Id).Select(i => i.AuthorityId).ToListAsync()).ShouldBe(["sozialamt-koeln"]);
        }

        await new CaseworkerAccounts(database).CreateAsync("koeln-fim", "Sachbearbeitung Köln", CaseworkerPassword, "nrw", "sozialamt-koeln");
        var caseworker = await InboxSignIn(redaktion.Context.Browser!, "koeln-fim");
        await Assertions.Expect(caseworker.Locator("main")).ToContainTextAsync(referenceNumber);
        await Assertions.Expect(caseworker.Locator("main")).ToContainTextAsync("Bewohnerparkausweis");
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
                await input.FillAsync(type switch { "date" => "1990-04-01", "number" => "12345", _ => PreviewValue(path) });
                await input.PressAsync("Tab");
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("The preview kept asking: " + string.Join(" | ", await preview.Locator(".preview-errors li").AllTextContentsAsync()));
    }

    /// <summary>Texts that pass the imported fields' checks (the postal code's five digits), an e-mail address for the e-mail field.</summary>
    private static string PreviewValue(string path) => path.EndsWith("F05001354", StringComparison.Ordinal) ? "erika@example.org" : "12345";

    /// <summary>The tree paths of the draft's fields that wait for a FIM list, with the list ("uri version") — what the Autor sees in the lint and the code-list panel.</summary>
    private IReadOnlyList<(string Path, string List)> WaitingFields()
    {
        var draft = JsonNode.Parse(session.Host.Services.GetRequiredService<FormWorkspace>().Current(FormId)!.Content)!;
        return All(draft).Select(o => (Item: o, Note: (o["notes"] as JsonArray ?? []).OfType<JsonObject>().FirstOrDefault(n => n["source"]?.ToString() == "fim:codelisteReferenz")))
            .Where(x => x.Note is not null)
            .Select(x => (x.Item.GetPath().TrimStart('$', '.'), $"{x.Note!["fim"]!["id"]} {x.Note["fim"]!["version"]}")).ToList();
    }

    private static IEnumerable<JsonObject> All(JsonNode? node) => node switch
    {
        JsonObject o => new[] { o }.Concat(o.SelectMany(p => All(p.Value))),
        JsonArray a => a.SelectMany(All),
        _ => [],
    };

    /// <summary>The genericode file beside the schema whose canonical URI the list names.</summary>
    private static string GenericodeFile(string standards, string list) =>
        Directory.GetFiles(Path.Combine(standards, Folder), "C*_genericode.xml")
            .Single(f => File.ReadAllText(f).Contains($"<CanonicalUri>{list[..list.LastIndexOf(' ')]}</CanonicalUri>", StringComparison.Ordinal));

    /// <summary>
    /// Fills the portal's pages as a citizen would, until the summary: every empty box gets a plausible value for its
    /// kind (the postal code, e-mail and telephone fields theirs, within the box's maximum length), every list and radio group its
    /// first option; „Weiter“ until the page changes. A page that keeps its errors fails with them.
    /// </summary>
    private static async Task FillEveryPage(IPage page)
    {
        var deadline = DateTime.UtcNow + BrowserSession.Ceiling;
        while (!page.Url.Contains("/zusammenfassung", StringComparison.Ordinal))
        {
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"The portal kept asking on {page.Url}: {await page.Locator(".error-summary").AllTextContentsAsync().ContinueWith(t => string.Join(" | ", t.Result))}");
            var form = page.Locator("main form").Filter(new() { Has = page.GetByRole(AriaRole.Button, new() { Name = "Weiter", Exact = true }) });
            // radios and boxes may be drawn over by the portal's own styling: clicked as the browser would on their label
            foreach (var choice in await form.Locator("input[type=radio], input[type=checkbox]").AllAsync())
            {
                var name = await choice.GetAttributeAsync("name") ?? "";
                if (await form.Locator($"input[name='{name}']:checked").CountAsync() == 0) await choice.DispatchEventAsync("click");
            }

            foreach (var input in await form.Locator("input:visible").AllAsync())
            {
                var type = await input.GetAttributeAsync("type") ?? "text";
                var name = await input.GetAttributeAsync("name") ?? "";
                if (type is "radio" or "checkbox" or "hidden" or "submit" or "button" or "file" || await input.InputValueAsync() != "") continue;
                var value = type switch
                {
                    "date" => "2000-04-01",
                    "number" => "12345",
                    "email" => "erika@example.org",
                    _ when name.EndsWith("F00000054", StringComparison.Ordinal) => "50667",
                    _ when name.EndsWith("F05001354", StringComparison.Ordinal) || name.EndsWith("F05001355", StringComparison.Ordinal) => "erika@example.org",
                    _ when (await input.GetAttributeAsync("inputmode")) is "numeric" or "decimal" => "12345",
                    _ when name.EndsWith("F05000067", StringComparison.Ordinal) || name.EndsWith("F05000068", StringComparison.Ordinal) => "0221 123456",
                    _ => "Köln Mitte",
                };
                if (int.TryParse(await input.GetAttributeAsync("maxlength"), out var max) && value.Length > max) value = value[..max];
                await input.FillAsync(value);
            }

            foreach (var select in await form.Locator("select:visible").AllAsync())
                if (await select.InputValueAsync() == "")
                    await select.SelectOptionAsync(new SelectOptionValue { Index = 1 });

            await page.GetByRole(AriaRole.Button, new() { Name = "Weiter", Exact = true }).ClickAsync();
            await page.WaitForLoadStateAsync();
        }
    }

    private async Task<IPage> InboxSignIn(IBrowser browser, string login)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { Locale = "de-DE" });
        context.SetDefaultTimeout((float)BrowserSession.Ceiling.TotalMilliseconds);
        var page = await context.NewPageAsync();
        await page.GotoAsync(session.BaseUrl + "/posteingang/anmelden");
        await page.Locator("#login").FillAsync(login);
        await page.Locator("#password").FillAsync(CaseworkerPassword);
        await page.Locator("form.inbox-login button").ClickAsync();
        // a tenant may ask its staff for a second factor: enrol an authenticator app, as a new caseworker does
        await page.WaitForURLAsync(new Regex("/posteingang/anmelden/einrichten|/posteingang$"));
        if (page.Url.Contains("/einrichten", StringComparison.Ordinal))
        {
            var secret = await page.Locator("#totp-secret").GetAttributeAsync("data-secret");
            await page.Locator("#code").FillAsync(new Totp(Base32Encoding.ToBytes(secret!)).ComputeTotp(DateTime.UtcNow));
            await page.Locator("form.inbox-login button").ClickAsync();
            await page.Locator("main a.button--primary").ClickAsync();
        }

        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Anträge");
        return page;
    }
}
