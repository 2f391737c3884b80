using System.Text.Json.Nodes;
using Sozialplattform.Delivery.Routing;
using Sozialplattform.Delivery.Tenants;
using Sozialplattform.Delivery.Tests.Infrastructure;
using Sozialplattform.Engine;
using Sozialplattform.Storage.Routing;

namespace Sozialplattform.Delivery.Tests.Routing;

/// <summary>The definition's <c>routing</c> rules, evaluated by the engine, choose extra or different destinations.</summary>
public sealed class RoutingRuleTests
{
    private const string Definition = """
        {
          "id": "grundsicherung", "version": "1.0.0", "status": "published", "languages": ["de"],
          "title": { "de": "Grundsicherung (Test)" },
          "pages": [{ "id": "p1", "title": { "de": "Seite" }, "items": [
            { "key": "erwerbsfaehig", "type": "yesNo", "label": { "de": "Sind Sie erwerbsfähig?" }, "required": true },
            { "key": "kopieJobcenter", "type": "yesNo", "label": { "de": "Kopie an das Jobcenter?" } }
          ] }],
          "routing": [
            { "when": "erwerbsfaehig === true", "destination": "jobcenter", "mode": "instead" },
            { "when": "kopieJobcenter === true", "destination": "jobcenter", "mode": "additional" }
          ]
        }
        """;

    [Theory]
    [InlineData("""{"erwerbsfaehig":false}""", new[] { "sozialamt-stadt-kassel" })]
    [InlineData("""{"erwerbsfaehig":false,"kopieJobcenter":true}""", new[] { "sozialamt-stadt-kassel", "jobcenter-stadt-kassel" })]
    [InlineData("""{"erwerbsfaehig":true}""", new[] { "jobcenter-stadt-kassel" })]
    public async Task Answers_decide_the_destinations_through_the_forms_routing_rules(string answers, string[] expected)
    {
        var loaded = FormEngine.LoadText(Definition, "grundsicherung.json", null);
        loaded.Success.ShouldBeTrue(string.Join("\n", loaded.Problems));
        var fired = loaded.Engine!.RoutingDestinations((JsonObject)JsonNode.Parse(answers)!);

        await using var file = new SqliteFile();
        var database = await file.OpenAsync();
        await new TenantLoader(new RoutingTableStore(database), TestChannels.All(database)).LoadAllAsync(RepositoryPaths.Tenants);
        var result = await new Router(new RoutingTableStore(database), new GeoStore(database))
            .RouteAsync(new RouteRequest("hessen-beispiel", "grundsicherung", "34119") { RuleDestinations = RuleDestination.FromEngine(fired) });

        result.Destinations.Select(d => d.Authority.Id).ShouldBe(expected);
    }
}
