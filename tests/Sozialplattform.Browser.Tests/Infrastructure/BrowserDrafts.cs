using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Sozialplattform.Web.Drafts;

namespace Sozialplattform.Browser.Tests.Infrastructure;

/// <summary>Puts answers into the draft a browser context has open (with the secret from its cookie), as if the citizen had given them.</summary>
public static class BrowserDrafts
{
    public static async Task SetAnswersAsync(BrowserFixture browser, IPage page, string draftId, params (string Name, string Value)[] answers) =>
        await SetAnswersAsync(browser, page, draftId, new JsonObject(answers.Select(a => KeyValuePair.Create(a.Name, (JsonNode?)JsonValue.Create(a.Value)))));

    public static async Task SetAnswersAsync(BrowserFixture browser, IPage page, string draftId, JsonObject answers)
    {
        var id = Guid.Parse(draftId);
        var cookies = await page.Context.CookiesAsync();
        var secret = cookies.Single(c => c.Name == DraftCookies.Name(id)).Value;
        var store = browser.Portal.Services.GetRequiredService<ApplicationStore>();
        var (application, _) = await store.OpenAsync(id, secret, CancellationToken.None);
        foreach (var (key, value) in answers) application!.Answers[key] = value?.DeepClone();
        await store.SaveAsync(application!, CancellationToken.None);
    }
}
