using Sozialplattform.Web.Tests.Infrastructure;

namespace Sozialplattform.Web.Tests.Endpoints;

/// <summary>The page checks a text field's pattern as the server does: the input carries it as its HTML pattern attribute (a full match).</summary>
[Collection(nameof(SharedPortal))]
public sealed class PatternOnThePageTests(SharedPortal portal)
{
    [Fact]
    public async Task A_text_field_with_a_pattern_renders_it_and_the_server_refuses_a_partial_match()
    {
        var client = portal.Factory.Browse();
        var page = await Journeys.FirstPageAsync(client, "nachweise");
        page.Document.QuerySelector("input[name=aktenzeichen]")!.GetAttribute("pattern").ShouldBe("[0-9]{3}[A-Z][0-9]{6}");

        var refused = await client.SubmitAsync(page, "/senden", new Dictionary<string, string?> { ["familienstand"] = "ledig", ["aktenzeichen"] = "123A456789X" }, "next");
        refused.Path.ShouldBe(page.Path);
        refused.FieldErrors.ShouldNotBeEmpty();
    }
}
