using System.Text;
using System.Text.Json.Nodes;
using Sozialplattform.Delivery.Outbox;
using Sozialplattform.Storage.Submissions;
using Sozialplattform.Web.Catalog;
using Sozialplattform.Web.Inbox.Notifications;
using Sozialplattform.Web.Tests.Infrastructure;

namespace Sozialplattform.Web.Tests.Inbox;

/// <summary>
/// A checklist made in the designer reaches the inbox with its version: a case of the new version (its files stored
/// with the published row, loaded as PublishedVersions does) shows the new items, ticks them by their ids, and a case
/// of the earlier version keeps its own checklist and ticks — an item removed in the new version changes nothing there.
/// </summary>
public sealed class DesignerChecklistInboxTests(InboxHost host) : IClassFixture<InboxHost>
{
    private const string Checklist = """{"items": [{"id": "identitaet", "label": {"de": "Ausweis geprüft"}}, {"id": "mietvertrag", "label": {"de": "Mietvertrag <script>alert(1)</script> liegt vor"}}]}""";

    private InboxPortal Portal => host.Portal;

    private async Task<AcceptResult> SubmitAsync(CatalogForm form)
    {
        var answers = JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Samples, "forms", "haushalt", "1.0.0", "answers", "valid.json")))!.AsObject();
        var result = form.Engine.Validate(answers);
        result.IsValid.ShouldBeTrue();
        return await Portal.Get<SubmissionStore>().AcceptAsync(new NewSubmission
        {
            TenantId = "test", FormId = form.Id, FormVersion = form.Version, ContentHash = form.Definition.ContentHash, FormTitle = form.Definition.Title.Get("de"),
            Language = "de", AnswersJson = result.CleanAnswers.ToJsonString(), IdempotencyKey = Guid.NewGuid().ToString("N"), PostalCode = "12345",
            ApplicantEmail = ApplicantEmail.From(form.Definition, result.CleanAnswers), Pdf = InboxPortal.Pdf, Attachments = [], Prefilled = new Dictionary<string, string>(),
        }, [new Destination(InboxPortal.AuthorityA, "inbox")]);
    }

    [Fact]
    public async Task A_case_of_the_designer_version_shows_its_new_checklist_and_a_case_of_the_earlier_version_keeps_its_own_ticks()
    {
        var catalog = Portal.Get<FormCatalog>();
        var older = await SubmitAsync(catalog.Find("haushalt", "1.0.0")!);
        var source = File.ReadAllText(Path.Combine(RepositoryPaths.Samples, "forms", "haushalt", "1.0.0", "form.json")).Replace("\"version\": \"1.0.0\"", "\"version\": \"1.9.1\"");
        catalog.AddPublished([("haushalt", "1.9.1", Encoding.UTF8.GetBytes(source), (IReadOnlyDictionary<string, string>)new Dictionary<string, string> { ["checklist.json"] = Checklist })]).ShouldBeEmpty();
        var newer = await SubmitAsync(catalog.Find("haushalt", "1.9.1")!);
        await Portal.DeliverAsync();
        await Portal.CaseworkerAsync("k-designer", InboxPortal.AuthorityA);
        var caseworker = await Portal.SignInAsync("k-designer");

        var oldPage = await caseworker.GetAsync($"/posteingang/antraege/{older.Submission.Id}");
        var oldTicked = await caseworker.PostAsync($"/posteingang/antraege/{older.Submission.Id}/checkliste", [oldPage.AntiforgeryToken, ("erledigt", "einkommen"), ("erledigt", "bescheid")]);
        oldTicked.Text(".case-checklist__progress").ShouldBe("2 von 3 erledigt");

        var page = await caseworker.GetAsync($"/posteingang/antraege/{newer.Submission.Id}");
        page.Document.QuerySelectorAll("input[name=erledigt]").Select(i => i.GetAttribute("value")).ShouldBe(["identitaet", "mietvertrag"]);
        page.Html.ShouldNotContain("<script>alert(1)");
        var ticked = await caseworker.PostAsync($"/posteingang/antraege/{newer.Submission.Id}/checkliste", [page.AntiforgeryToken, ("erledigt", "mietvertrag")]);
        ticked.Text(".case-checklist__progress").ShouldBe("1 von 2 erledigt");
        (await caseworker.PostAsync($"/posteingang/antraege/{newer.Submission.Id}/checkliste", [page.AntiforgeryToken, ("erledigt", "einkommen")])).Status
            .ShouldBe(System.Net.HttpStatusCode.UnprocessableEntity, "an item the new version removed is not declared for its cases");

        (await caseworker.GetAsync($"/posteingang/antraege/{older.Submission.Id}")).Text(".case-checklist__progress").ShouldBe("2 von 3 erledigt", "the earlier version's case keeps its ticks");
    }
}
