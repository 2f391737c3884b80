using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using Sozialplattform.Web.Tests.Infrastructure;

namespace Sozialplattform.Web.Tests.Endpoints;

/// <summary>
/// Every form of the service catalog, answered in the portal with its <c>answers/valid.json</c>: every visible page
/// through the real endpoints (rows added, files uploaded), the summary without errors, and — for applications — the
/// submit (with the development sign-in where the form needs a login), routed to the test tenant's authority.
/// </summary>
[Collection(nameof(CatalogPortal))]
public sealed class CatalogFormsTests(CatalogPortal portal)
{
    public static TheoryData<string> CatalogForms() =>
        new(Directory.GetDirectories(Path.Combine(RepositoryPaths.FormsCatalog, "forms")).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(CatalogForms))]
    public async Task A_catalog_form_is_answered_page_by_page_with_its_valid_answers_and_submitted(string formId)
    {
        var answers = JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.LatestForm(formId), "answers", "valid.json")))!.AsObject();
        var client = portal.Factory.Browse();
        var service = await client.GetAsync($"/de/leistungen/{formId}");
        if (service.Document.QuerySelector("form[action$='/starten']") is null)
        {
            // A contact request starts at the centre chosen in the finder; walked and sent there in Centres.Tests' ContactRequestTests.
            service.Document.QuerySelector($"a[href='/de/beratungsstellen?thema={formId}']").ShouldNotBeNull(formId);
            return;
        }

        var started = await client.SubmitAsync(service, "/starten");
        if (started.Path.EndsWith("/ort", StringComparison.Ordinal))
        {
            var place = await client.SubmitAsync(started, "/ort/waehlen", new Dictionary<string, string?> { ["ort"] = "12345" });
            place.Text(".panel").ShouldContain("Sozialamt Teststadt");
            started = await client.GetAsync(place.Document.QuerySelector(".panel a.button")!.GetAttribute("href")!);
        }

        var walker = new WizardWalker(client, answers);
        var end = await walker.WalkAsync(started, page => !page.Path.Contains("/seite/", StringComparison.Ordinal) || page.Document.QuerySelector(".result-tag") is not null);
        walker.Visited.ShouldNotBeEmpty();
        if (end.Document.QuerySelector(".result-tag") is not null) return;

        end.Path.ShouldEndWith("/zusammenfassung");
        end.SummaryErrors.ShouldBeEmpty();
        var declarations = end.Document.QuerySelectorAll("form[action$='/absenden'] input[type=checkbox]").Select(c => c.GetAttribute("name")!)
            .ToDictionary(name => name, name => (string?)(answers[name]?.ToJsonString() == "true" ? "true" : null));
        var receipt = await client.SubmitAsync(end, "/absenden", declarations);
        if (receipt.Path.EndsWith("/anmelden", StringComparison.Ordinal))
        {
            var summary = await client.SubmitAsync(receipt, "/anmelden/entwicklung", new Dictionary<string, string?> { ["name"] = "Erika Mustermann" });
            receipt = await client.SubmitAsync(summary, "/absenden", declarations);
        }

        receipt.Path.ShouldStartWith("/de/eingang/SP-", customMessage: string.Join(" | ", receipt.SummaryErrors));
        receipt.Text(".summary-list").ShouldContain("Teststadt");
        var reference = receipt.Text(".confirmation__reference");
        (await CountAsync("SELECT COUNT(*) FROM outbox o JOIN submissions s ON s.Id = o.SubmissionId WHERE s.ReferenceNumber = $reference", reference)).ShouldBeGreaterThan(0);
        if (answers.ToJsonString().Contains("\"sha256\"", StringComparison.Ordinal))
            (await CountAsync("SELECT COUNT(*) FROM attachments a JOIN submissions s ON s.Id = a.SubmissionId WHERE s.ReferenceNumber = $reference AND a.Purpose = 'Attachment'", reference))
                .ShouldBeGreaterThan(0, "the uploads went with the submission");
    }

    private async Task<long> CountAsync(string sql, string reference)
    {
        await using var connection = new SqliteConnection($"Data Source={portal.Factory.Folders.Database}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$reference", reference);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
