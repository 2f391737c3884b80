using Sozialplattform.Browser.Tests.Infrastructure;

namespace Sozialplattform.Browser.Tests;

/// <summary>The axe check every accessibility test relies on finds violations, in the page and inside its frames, and passes a clean page.</summary>
[Collection(nameof(BrowserFixture))]
public sealed class AxeInPageTests(BrowserFixture browser)
{
    private const string Clean = """<!doctype html><html lang="de"><head><title>Sauber</title></head><body><main><h1>Sauber</h1><label for="n">Name</label><input id="n"></main></body></html>""";

    [SkippableFact]
    public async Task A_clean_page_has_no_violations()
    {
        var page = await browser.NewPageAsync();
        await page.SetContentAsync(Clean);

        (await AxeInPage.ViolationsAsync(page)).ShouldBeEmpty();
    }

    [SkippableFact]
    public async Task An_unlabelled_field_and_an_image_without_text_are_violations_named_by_rule_and_element()
    {
        var page = await browser.NewPageAsync();
        await page.SetContentAsync(Clean.Replace("""<label for="n">Name</label><input id="n">""", """<input id="ohne-label"><img src="data:," id="ohne-text">"""));

        var violations = await AxeInPage.ViolationsAsync(page);

        violations.ShouldContain(v => v.StartsWith("label (critical)") && v.Contains("#ohne-label"));
        violations.ShouldContain(v => v.StartsWith("image-alt (critical)") && v.Contains("#ohne-text"));
    }

    [SkippableFact]
    public async Task A_violation_inside_a_frame_is_found_and_a_second_check_of_the_same_page_gives_the_same_answer()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/de/impressum"); // axe asks the frames of a page with an origin (about:blank has none)
        await page.SetContentAsync(Clean.Replace("<h1>Sauber</h1>", """<h1>Sauber</h1><iframe title="Eingebettet" srcdoc="<html lang=de><body><main><input id=im-rahmen></main></body></html>"></iframe>"""));
        await page.WaitForFunctionAsync("() => document.querySelector('iframe').contentDocument?.readyState === 'complete'");

        var first = await AxeInPage.ViolationsAsync(page);
        var second = await AxeInPage.ViolationsAsync(page);

        first.ShouldContain(v => v.StartsWith("label (critical)") && v.Contains("#im-rahmen"));
        second.ShouldBe(first);
    }
}
