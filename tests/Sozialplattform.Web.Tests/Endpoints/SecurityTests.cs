using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sozialplattform.Storage.Database;
using Sozialplattform.Web.Tests.Infrastructure;

namespace Sozialplattform.Web.Tests.Endpoints;

[Collection(nameof(SharedPortal))]
public sealed class SecurityTests(SharedPortal portal)
{
    [Fact]
    public async Task A_post_without_the_antiforgery_token_is_refused_with_an_error_page_and_stores_nothing()
    {
        var client = portal.Factory.Browse();
        var drafts = await CountDraftsAsync();
        var page = await client.PostAsync("/de/leistungen/kontakt/starten", [("x", "1")]);
        page.Status.ShouldBe(HttpStatusCode.BadRequest);
        page.Text("h1").ShouldBe("Die Anfrage konnte nicht verarbeitet werden");
        (await CountDraftsAsync()).ShouldBe(drafts);
    }

    [Fact]
    public async Task Script_in_a_label_and_in_an_answer_is_shown_as_text_never_as_markup()
    {
        var client = portal.Factory.Browse();
        var page = await Journeys.FirstPageAsync(client, "xss");
        page.Html.ShouldNotContain("<script>window.__pwned");
        page.Html.ShouldNotContain("<img src=x");
        page.Text("label[for=f-name]").ShouldContain("<script>window.__pwned = true</script>");
        page.Document.QuerySelector(".info a").ShouldBeNull("a javascript: link in Markdown is not made a link");

        var summary = await client.SubmitAsync(page, "/senden", new Dictionary<string, string?> { ["name"] = TestForms.ScriptPayload }, "next");
        summary.Path.ShouldEndWith("/zusammenfassung");
        summary.Html.ShouldNotContain("<script>window.__pwned");
        summary.Document.QuerySelectorAll(".summary-list dd").Select(d => d.TextContent).ShouldContain(TestForms.ScriptPayload);
    }

    [Fact]
    public async Task Uploads_of_a_wrong_type_or_too_many_files_are_refused_on_the_server_and_stored_ones_are_encrypted()
    {
        var client = portal.Factory.Browse();
        var page = await Journeys.FirstPageAsync(client, "nachweise");
        page = await client.SubmitAsync(page, "/senden", new Dictionary<string, string?> { ["familienstand"] = "ledig", ["aktenzeichen"] = "123A456789" }, "next");
        page.Path.ShouldEndWith("/seite/dateien");

        var pretending = await client.SubmitAsync(page, "/senden", button: "update", files: [("ausweis", "ausweis.pdf", "MZ this is not a PDF"u8.ToArray())]);
        pretending.FieldErrors.ShouldContain(e => e.Contains("ausweis.pdf") && e.Contains("nicht erlaubt"));
        pretending.Document.QuerySelector("[data-path=ausweis] .file-list").ShouldBeNull();

        var secret = "%PDF-1.4 streng geheim Personalausweis 4711"u8.ToArray();
        var stored = await client.SubmitAsync(pretending, "/senden", button: "update", files: [("ausweis", "ausweis.pdf", secret)]);
        stored.Text("[data-path=ausweis] .file-list").ShouldContain("ausweis.pdf");
        var bytes = await File.ReadAllBytesAsync(portal.Factory.Folders.Database);
        System.Text.Encoding.UTF8.GetString(bytes).ShouldNotContain("streng geheim Personalausweis");
    }

    [Fact]
    public async Task Error_pages_show_no_stack_trace()
    {
        var page = await portal.Factory.Browse().GetAsync("/de/antrag/00000000-0000-0000-0000-000000000001/seite/x");
        page.Status.ShouldBe(HttpStatusCode.NotFound);
        page.Html.ShouldNotContain("Exception");
        page.Html.ShouldNotContain(" at Sozialplattform");
    }

    [Fact]
    public async Task The_rules_script_is_served_per_version_and_hash_and_cached()
    {
        var client = portal.Factory.Browse();
        var page = await Journeys.FirstPageAsync(client, "haushalt");
        var src = page.Document.QuerySelector("form[data-rules-src]")!.GetAttribute("data-rules-src")!;
        var response = await client.Http.GetAsync(src);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Headers.CacheControl!.ToString().ShouldContain("immutable");
        (await response.Content.ReadAsStringAsync()).ShouldContain("window.SozialRules");
        (await client.Http.GetAsync(src.Replace("/rules.js", "x/rules.js"))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    private async Task<long> CountDraftsAsync()
    {
        await using var context = portal.Factory.Services.GetRequiredService<SozialDatabase>().CreateContext();
        return await context.Drafts.LongCountAsync();
    }
}
