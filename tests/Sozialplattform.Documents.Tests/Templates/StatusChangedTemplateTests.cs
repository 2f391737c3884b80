using Sozialplattform.Documents.Templating;
using Sozialplattform.Documents.Tests.TestData;

namespace Sozialplattform.Documents.Tests.Templates;

/// <summary>The status e-mail to applicants (<c>status-changed</c>): first line the subject, no answers, the message only on the status page.</summary>
public sealed class StatusChangedTemplateTests
{
    private static Dictionary<string, string> Values(string status, bool message) => new()
    {
        ["status"] = status, ["status_code"] = "DocumentsRequested", ["message"] = message ? "Bitte senden Sie den Mietvertrag." : "",
        ["has_message"] = message ? "true" : "", ["changed_at"] = "02.12.2026, 09:30 Uhr", ["status_url"] = "https://portal.example/de/status",
    };

    [Theory]
    [InlineData("de", "Unterlagen nachgefordert")]
    [InlineData("en", "Documents requested")]
    public void The_built_in_status_e_mail_renders_as_approved_in_German_and_English(string language, string status)
    {
        var document = SampleDocuments.Buergergeld() with { Language = language, Sections = [], Declarations = [], Attachments = [] };

        var result = new TemplateRenderer(new TemplateLocator()).Render("status-changed", document, Values(status, message: true));

        result.Errors.ShouldBeEmpty(string.Join("\n", result.Errors));
        result.Source.ShouldBe($"builtin:status-changed.{language}.scriban");
        result.Text!.ShouldNotContain("Mietvertrag");
        Approvals.Verify($"template-status-changed.{language}", result.Text!);
    }

    [Fact]
    public void Without_a_message_and_a_portal_address_the_e_mail_says_neither()
    {
        var values = Values("Entschieden", message: false);
        values["status_url"] = "";

        var text = new TemplateRenderer(new TemplateLocator()).Render("status-changed", SampleDocuments.Buergergeld(), values).Text!;

        text.ShouldNotContain("Nachricht geschrieben");
        text.ShouldNotContain("Statusseite:");
        text.Split('\n')[0].ShouldBe("Ihr Antrag SP-2026-000123: Entschieden");
    }
}
