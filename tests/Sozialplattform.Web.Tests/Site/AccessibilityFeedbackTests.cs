using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sozialplattform.Storage.Database;
using Sozialplattform.Storage.Entities;
using Sozialplattform.Storage.Notifications;
using Sozialplattform.Web.Tests.Infrastructure;

namespace Sozialplattform.Web.Tests.Site;

/// <summary>The feedback form of the accessibility statement: reaches the operator through the platform's mail queue; bad input is shown back beside its field and queues nothing.</summary>
public sealed class AccessibilityFeedbackTests : IDisposable
{
    private readonly LimitedPortal _portal = new((Key: "Sozialplattform:Portal:FeedbackPerHour", Value: "3"));

    [Fact]
    public async Task Feedback_is_queued_as_an_e_mail_to_the_tenants_contact_address_and_the_citizen_is_thanked()
    {
        var client = _portal.BrowseFrom("10.1.0.1");
        var statement = await client.GetAsync("/ar/barrierefreiheit");

        var thanked = await client.SubmitAsync(statement, "/rueckmeldung", new Dictionary<string, string?>
        {
            ["nachricht"] = "Der Kalender lässt sich mit der Tastatur nicht bedienen.", ["email"] = "leser@example.org",
        });

        thanked.Path.ShouldBe("/ar/barrierefreiheit");
        thanked.Document.QuerySelector("#rueckmeldung [role=status]").ShouldNotBeNull();
        var mail = (await QueuedAsync()).ShouldHaveSingleItem();
        mail.To.ShouldBe("test@example.org");
        mail.Subject.ShouldStartWith("Rückmeldung zur Barrierefreiheit");
        mail.TextBody.ShouldContain("Der Kalender lässt sich mit der Tastatur nicht bedienen.");
        mail.TextBody.ShouldContain("Antwort erbeten an: leser@example.org");
        mail.TextBody.ShouldContain("Sprache der Seite: ar");
    }

    [Theory]
    [InlineData("", "", "#nachricht", "Bitte beschreiben Sie, was nicht zugänglich ist.")]
    [InlineData("   ", "leser@example.org", "#nachricht", "Bitte beschreiben Sie, was nicht zugänglich ist.")]
    [InlineData("Das Menü ist zu klein.", "keine-adresse", "#email", "Bitte geben Sie eine E-Mail-Adresse wie name@example.org an oder lassen Sie das Feld leer.")]
    [InlineData("Das Menü ist zu klein.", "a@b@example.org", "#email", "Bitte geben Sie eine E-Mail-Adresse wie name@example.org an oder lassen Sie das Feld leer.")]
    [InlineData("Das Menü ist zu klein.", "Name <a@example.org>", "#email", "Bitte geben Sie eine E-Mail-Adresse wie name@example.org an oder lassen Sie das Feld leer.")]
    public async Task Bad_input_is_shown_beside_its_field_with_what_was_typed_and_queues_nothing(string message, string email, string field, string error)
    {
        var client = _portal.BrowseFrom("10.1.0.2");
        var statement = await client.GetAsync("/de/barrierefreiheit");

        var shown = await client.SubmitAsync(statement, "/rueckmeldung", new Dictionary<string, string?> { ["nachricht"] = message, ["email"] = email });

        shown.Status.ShouldBe(HttpStatusCode.BadRequest);
        shown.Document.QuerySelector($".error-summary a[href='{field}']").ShouldNotBeNull().TextContent.ShouldBe(error);
        shown.FieldErrors.ShouldBe([error]);
        shown.Document.QuerySelector("#nachricht")!.TextContent.ShouldBe(message.Trim());
        shown.Document.QuerySelector("footer a[href='/de/impressum']").ShouldNotBeNull("the page is shown whole, with its layout");
        shown.Document.DocumentElement.GetAttribute("lang").ShouldBe("de");
        shown.Document.Title.ShouldBe("Erklärung zur Barrierefreiheit");
        (await QueuedAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_message_over_the_limit_is_refused_and_script_in_a_message_is_shown_back_as_text()
    {
        var client = _portal.BrowseFrom("10.1.0.3");
        var statement = await client.GetAsync("/de/barrierefreiheit");
        var hostile = "<script>alert(1)</script>" + new string('x', 5000);

        var shown = await client.SubmitAsync(statement, "/rueckmeldung", new Dictionary<string, string?> { ["nachricht"] = hostile, ["email"] = "" });

        shown.Status.ShouldBe(HttpStatusCode.BadRequest);
        shown.FieldErrors.ShouldBe(["Ihre Nachricht ist zu lang: höchstens 5000 Zeichen."]);
        shown.Html.ShouldNotContain("<script>alert(1)</script>");
        shown.Document.QuerySelector("#nachricht")!.TextContent.ShouldStartWith("<script>alert(1)</script>");
        (await QueuedAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_post_without_the_antiforgery_token_is_refused_and_queues_nothing()
    {
        var client = _portal.BrowseFrom("10.1.0.4");

        var refused = await client.PostAsync("/de/barrierefreiheit/rueckmeldung", [("nachricht", "Barriere")]);

        refused.Status.ShouldBe(HttpStatusCode.BadRequest);
        (await QueuedAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task The_limit_per_client_address_holds_under_parallel_posts_and_other_addresses_are_not_affected()
    {
        var client = _portal.BrowseFrom("10.1.0.5");
        var statement = await client.GetAsync("/de/barrierefreiheit");
        var fields = PortalClient.Collect((AngleSharp.Html.Dom.IHtmlFormElement)statement.Document.QuerySelector("form[action$='/rueckmeldung']")!);
        fields.RemoveAll(f => f.Name == "nachricht");
        fields.Add(("nachricht", "Barriere"));

        var results = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => Task.Run(() => client.Http.PostAsync("/de/barrierefreiheit/rueckmeldung",
            new FormUrlEncodedContent(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)))))));

        results.Count(r => r.StatusCode == HttpStatusCode.Redirect).ShouldBe(3, string.Join(", ", results.Select(r => r.StatusCode)));
        results.Count(r => r.StatusCode == HttpStatusCode.TooManyRequests).ShouldBe(9);
        (await QueuedAsync()).Count.ShouldBe(3);
        var other = _portal.BrowseFrom("10.1.0.6");
        var thanked = await other.SubmitAsync(await other.GetAsync("/de/barrierefreiheit"), "/rueckmeldung", new Dictionary<string, string?> { ["nachricht"] = "Barriere" });
        thanked.Status.ShouldBe(HttpStatusCode.OK);
        (await QueuedAsync()).Count.ShouldBe(4);
    }

    private async Task<IReadOnlyList<QueuedMail>> QueuedAsync()
    {
        await using var context = _portal.Services.GetRequiredService<SozialDatabase>().CreateContext();
        var rows = await context.Notifications.AsNoTracking().Where(n => n.Kind == NotificationKind.Mail && n.Purpose == "site.accessibility-feedback").ToListAsync();
        var queue = _portal.Services.GetRequiredService<MailQueue>();
        return rows.Select(queue.Read).ToList();
    }

    public void Dispose() => _portal.Dispose();
}
