using System.Net;
using System.Text.Json.Nodes;
using Sozialplattform.Tests.Isolation;
using Sozialplattform.Web.Tests.Infrastructure;

namespace Sozialplattform.Web.Tests.Endpoints;

/// <summary>
/// Through the real host (issue 12, section 1): a catalog holds one form A per pollution vector of
/// tests/Conformance/isolation.json. Forms the load check refuses are not offered; citizens fill and send the pages of
/// the others (twice, so that more than one pooled sandbox meets them); afterwards the unchanged sample form kontakt
/// still accepts a valid application and the probe form still finds every built-in as it was.
/// </summary>
public sealed class RuleIsolationPortalTests : IDisposable
{
    private readonly string _catalog = Path.Combine(Path.GetTempPath(), "sozial-isolation-" + Guid.NewGuid().ToString("N")[..12]);
    private readonly PortalFactory _factory;

    public RuleIsolationPortalTests()
    {
        Write("catalog.json", """{ "name": { "de": "Isolation" }, "topics": [ { "id": "tests", "title": { "de": "Tests", "en": "Tests" } } ] }""");
        Write("forms/probe/1.0.0/form.json", IsolationCases.FormWithValidation("probe", IsolationCases.Probe));
        for (var i = 0; i < IsolationCases.Pollution.Count; i++)
            Write($"forms/{FormId(i)}/1.0.0/form.json", IsolationCases.FormWithValidation(FormId(i), IsolationCases.Pollution[i].Expression));
        _factory = new PortalFactory(null, _catalog);
        RouteToo(["probe", .. IsolationCases.Pollution.Select((_, i) => FormId(i))]);
    }

    [Fact]
    public async Task After_citizens_send_polluting_forms_kontakt_and_the_probe_decide_as_before()
    {
        for (var round = 0; round < 2; round++)
        {
            for (var i = 0; i < IsolationCases.Pollution.Count; i++)
            {
                var vector = IsolationCases.Pollution[i];
                var client = _factory.Browse();
                if (vector.RefusedAs is not null)
                {
                    (await client.GetAsync($"/de/leistungen/{FormId(i)}")).Status.ShouldBe(HttpStatusCode.NotFound, vector.Name);
                    continue;
                }

                var page = await Journeys.FirstPageAsync(client, FormId(i));
                await client.SubmitAsync(page, "/senden", new Dictionary<string, string?> { ["x"] = "a" }, "next");
            }
        }

        var citizen = _factory.Browse();
        var summary = await WizardJourneyTests.CompleteKontaktAsync(citizen);
        summary.Path.ShouldEndWith("/zusammenfassung", Case.Sensitive, string.Join(" / ", summary.SummaryErrors));
        var receipt = await citizen.SubmitAsync(summary, "/absenden");
        receipt.Text(".confirmation__reference").ShouldNotBeEmpty();

        var prober = _factory.Browse();
        var probe = await prober.SubmitAsync(await Journeys.FirstPageAsync(prober, "probe"), "/senden", new Dictionary<string, string?> { ["x"] = "a" }, "next");
        probe.SummaryErrors.ShouldBeEmpty();
        probe.Path.ShouldEndWith("/zusammenfassung");
    }

    private static string FormId(int index) => $"verschmutzt-{index:00}";

    /// <summary>The test tenant routes the listed forms to its Sozialamt, as it does the sample forms.</summary>
    private void RouteToo(IEnumerable<string> forms)
    {
        var path = Path.Combine(_factory.Folders.Tenant, "routing.json");
        var routing = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        foreach (var form in forms) routing["services"]![form] = "sozialamt";
        File.WriteAllText(path, routing.ToJsonString());
    }

    private void Write(string relativePath, string text)
    {
        var path = Path.Combine(_catalog, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    public void Dispose()
    {
        _factory.Dispose();
        try { Directory.Delete(_catalog, recursive: true); } catch (IOException) { }
    }
}
