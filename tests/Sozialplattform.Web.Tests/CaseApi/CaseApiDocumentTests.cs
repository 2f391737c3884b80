using System.Text.Json;
using System.Text.Json.Nodes;
using Sozialplattform.Web.Tests.Inbox;
using Sozialplattform.Web.Tests.Infrastructure;

namespace Sozialplattform.Web.Tests.CaseApi;

/// <summary>
/// The host's one OpenAPI document (<c>/openapi/v1.json</c>) describes the case API beside the centres API: every case
/// operation names its OAuth 2.0 scope and its refusals; the document is approved, so any change to the API shows in review.
/// </summary>
public sealed class CaseApiDocumentTests(InboxHost host) : IClassFixture<InboxHost>
{
    private const string Approved = "CaseApi/Approved/openapi-v1.json";

    private async Task<JsonObject> DocumentAsync() => JsonNode.Parse(await host.Portal.CreateClient().GetStringAsync("/openapi/v1.json"))!.AsObject();

    [Fact]
    public async Task Every_case_operation_has_its_scope_and_its_refusals_and_every_operation_has_responses()
    {
        var document = await DocumentAsync();

        var scheme = document["components"]!["securitySchemes"]!["oauth2"]!;
        scheme["type"]!.GetValue<string>().ShouldBe("oauth2");
        scheme["flows"]!["clientCredentials"]!["tokenUrl"]!.GetValue<string>().ShouldBe("/api/oauth/token");
        var operations = document["paths"]!.AsObject().SelectMany(path => path.Value!.AsObject().Select(op => (Path: path.Key, Method: op.Key, Operation: op.Value!))).ToList();
        operations.ShouldAllBe(o => o.Operation["responses"]!.AsObject().Count > 0);
        var cases = operations.Where(o => o.Path.StartsWith("/api/v1/cases", StringComparison.Ordinal)).ToList();
        cases.Select(o => o.Operation["operationId"]!.GetValue<string>()).Order().ShouldBe(
            ["acknowledgeCase", "getCase", "getCaseXml", "getDocument", "listCases", "postDecision", "postMessage", "setStatus"]);
        foreach (var (path, method, operation) in cases)
        {
            var requirement = operation["security"]!.AsArray().ShouldHaveSingleItem()!.AsObject();
            requirement["oauth2"]!.AsArray().ShouldHaveSingleItem()!.GetValue<string>().ShouldStartWith("cases.", customMessage: $"{method} {path}");
            new[] { "401", "403", "429" }.Except(operation["responses"]!.AsObject().Select(r => r.Key)).ShouldBeEmpty($"{method} {path}");
        }

        operations.Where(o => o.Path.StartsWith("/api/v1/beratungsstellen", StringComparison.Ordinal)).ShouldNotBeEmpty("one document for every area's API");
        operations.ShouldNotContain(o => o.Path.StartsWith("/api/oauth", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_document_matches_the_approved_file()
    {
        var document = await DocumentAsync();
        Approvals.Verify(document.ToJsonString(new JsonSerializerOptions { WriteIndented = true }), Approved);
    }
}
