using System.Net;
using Sozialplattform.Web.Tests.Inbox;
using Sozialplattform.Web.Tests.Infrastructure;

namespace Sozialplattform.Web.Tests.Endpoints;

/// <summary>The status form: a mistyped access code comes back to the form with the error beside the field, never to "Seite nicht gefunden".</summary>
public sealed class StatusFormTests(InboxHost host) : IClassFixture<InboxHost>
{
    private InboxPortal Portal => host.Portal;

    [Fact]
    public async Task A_mistyped_access_code_is_an_error_beside_the_code_with_the_reference_kept()
    {
        var accepted = await Portal.SubmitAsync(InboxPortal.AuthorityA);
        var client = Portal.Browse();
        var form = await client.GetAsync("/de/status");

        var refused = await client.SubmitAsync(form, "/status/abfragen", new Dictionary<string, string?> { ["nummer"] = accepted.Submission.ReferenceNumber.ToLowerInvariant(), ["code"] = accepted.StatusSecret + "x" });

        refused.Path.ShouldBe("/de/status");
        refused.Status.ShouldBe(HttpStatusCode.OK);
        refused.Text("#code-error").ShouldContain("Vorgangsnummer und Zugangscode passen nicht zusammen");
        refused.Document.QuerySelector("#code")!.GetAttribute("aria-describedby").ShouldBe("code-error");
        refused.Document.QuerySelector("#nummer")!.GetAttribute("value").ShouldBe(accepted.Submission.ReferenceNumber);
        refused.Document.QuerySelector(".error-summary a")!.GetAttribute("href").ShouldBe("#code");

        var unknown = await client.SubmitAsync(form, "/status/abfragen", new Dictionary<string, string?> { ["nummer"] = "SP-2026-AAAA-BBBB", ["code"] = accepted.StatusSecret });
        unknown.Text("#code-error").ShouldBe(refused.Text("#code-error"), "an unknown reference is answered like a wrong code");

        var shown = await client.SubmitAsync(form, "/status/abfragen", new Dictionary<string, string?> { ["nummer"] = accepted.Submission.ReferenceNumber, ["code"] = accepted.StatusSecret });
        shown.Path.ShouldBe($"/de/status/{accepted.Submission.ReferenceNumber}");
        shown.Text(".status-tag").ShouldBe("Eingegangen");
    }

    [Fact]
    public async Task Missing_input_is_an_error_beside_the_reference_and_script_in_it_is_only_text()
    {
        var client = Portal.Browse();
        var form = await client.GetAsync("/en/status");

        var missing = await client.SubmitAsync(form, "/status/abfragen", new Dictionary<string, string?> { ["nummer"] = "<script>alert(1)</script>", ["code"] = "" });

        missing.Path.ShouldBe("/en/status");
        missing.Text("#nummer-error").ShouldNotBeEmpty();
        missing.Document.QuerySelectorAll("script").Select(s => s.TextContent).ShouldNotContain(t => t.Contains("alert(1)"));
        missing.Document.QuerySelector("#nummer")!.GetAttribute("value").ShouldBe("<SCRIPT>ALERT(1)</SCRIPT>", "kept as typed (upper case), an attribute value, never markup");
    }
}
