using Sozialplattform.Web.Tests.Infrastructure;

namespace Sozialplattform.Web.Tests.Endpoints;

/// <summary>
/// A form whose rules run too long is held by the request budget: the citizen gets the specific message and stays on
/// the page (nothing is lost, nothing goes ahead), and the host serves the next request to a normal form as usual.
/// </summary>
public sealed class RuleLimitTests(RuleLimitTests.BudgetPortal portal) : IClassFixture<RuleLimitTests.BudgetPortal>
{
    /// <summary>
    /// A host with the production request budget (1 s); the shared test host has a patient one. Each looping rule runs
    /// into its time limit (50 ms, one retry), never into the statement limit, which a fast machine would reach sooner:
    /// 30 of them take at least 3 s on any machine, so the budget is always spent.
    /// </summary>
    public sealed class BudgetPortal : IDisposable
    {
        public PortalFactory Factory { get; } = new LimitedPortal(
            ("Sozialplattform:Rules:RequestBudget", "00:00:01"), ("Sozialplattform:Rules:MaxStatements", "2000000000"));

        public void Dispose() => Factory.Dispose();
    }

    private const string Budget = "Die Angaben konnten gerade nicht vollständig geprüft werden, weil die Prüfung zu lange gedauert hat. Ihre Eingaben sind nicht verloren; bitte versuchen Sie es später noch einmal.";

    [Fact]
    public async Task Thirty_looping_validations_are_answered_with_the_budget_message_and_a_normal_form_is_served_next()
    {
        var client = portal.Factory.Browse();
        var first = await Journeys.FirstPageAsync(client, "schleife-pruefungen");

        var refused = await client.SubmitAsync(first, "/senden", new Dictionary<string, string?> { ["name"] = "Ayşe" }, "next");

        refused.Path.ShouldEndWith("/seite/seite");
        refused.SummaryErrors.ShouldBe([Budget]);
        refused.Document.QuerySelector("#f-name")!.GetAttribute("value").ShouldBe("Ayşe");

        var normal = await Journeys.FirstPageAsync(client, "haushalt");
        var next = await client.SubmitAsync(normal, "/senden", button: "next");
        next.SummaryErrors.ShouldContain("Bitte machen Sie eine Angabe zu „Vorname“.");
        next.SummaryErrors.ShouldNotContain(Budget);
    }

    [Fact]
    public async Task Parallel_slow_requests_each_get_the_budget_message_while_a_normal_form_is_served()
    {
        var slowPages = await Task.WhenAll(Enumerable.Range(0, 4).Select(async _ =>
        {
            var client = portal.Factory.Browse();
            return (client, page: await Journeys.FirstPageAsync(client, "schleife-pruefungen"));
        }));
        var normalClient = portal.Factory.Browse();
        var normal = await Journeys.FirstPageAsync(normalClient, "haushalt");

        var slow = slowPages.Select(s => s.client.SubmitAsync(s.page, "/senden", button: "next")).ToArray();
        var served = await normalClient.SubmitAsync(normal, "/senden", Journeys.Applicant, "next");
        var refused = await Task.WhenAll(slow);

        served.Path.ShouldEndWith("/seite/haushalt");
        refused.ShouldAllBe(page => page.SummaryErrors.Count == 1 && page.SummaryErrors[0] == Budget);
    }
}
