using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sozialplattform.Storage.Database;
using Sozialplattform.Web.Drafts;
using Sozialplattform.Web.Tests.Infrastructure;

namespace Sozialplattform.Web.Tests.Endpoints;

/// <summary>Unsent drafts are deleted 30 days (the default) after their last change, and the citizen is told so.</summary>
[Collection(nameof(SharedPortal))]
public sealed class DraftRetentionTests(SharedPortal portal)
{
    [Fact]
    public async Task The_saved_page_says_when_the_draft_will_be_deleted()
    {
        var client = portal.Factory.Browse();
        var first = await Journeys.FirstPageAsync(client, "haushalt");
        var saved = await client.SubmitAsync(first, "/senden", Journeys.Applicant, "save");

        saved.Text("h1").ShouldBe("Ihr Antrag ist gespeichert");
        saved.Document.Body!.TextContent.ShouldContain("30 Tage nach der letzten Änderung automatisch gelöscht");
    }

    [Fact]
    public async Task A_draft_unchanged_for_longer_than_the_retention_is_not_found_and_is_deleted_with_its_uploads_by_the_sweep()
    {
        var client = portal.Factory.Browse();
        var first = await Journeys.FirstPageAsync(client, "haushalt");
        var saved = await client.SubmitAsync(first, "/senden", Journeys.Applicant, "save");
        var link = new Uri(saved.Document.QuerySelector("#resume-link")!.GetAttribute("value")!);
        var draftId = Guid.Parse(link.Segments[3].TrimEnd('/'));
        await ChangeLastUpdateAsync(draftId, TimeSpan.FromDays(31));

        var expired = await client.GetAsync(first.Path);
        expired.Status.ShouldBe(HttpStatusCode.NotFound);
        expired.Document.Body!.TextContent.ShouldContain("30 Tage nach der letzten Änderung gelöscht");
        (await portal.Factory.Browse().GetAsync(link.PathAndQuery)).Status.ShouldBe(HttpStatusCode.NotFound, "the resume link no longer opens it");

        (await portal.Factory.Services.GetRequiredService<DraftRetentionService>().SweepAsync()).ShouldBeGreaterThanOrEqualTo(1);
        await using var context = portal.Factory.Services.GetRequiredService<SozialDatabase>().CreateContext();
        (await context.Drafts.CountAsync(d => d.Id == draftId)).ShouldBe(0);
        (await context.Attachments.CountAsync(a => a.DraftId == draftId)).ShouldBe(0);
    }

    [Fact]
    public async Task A_draft_changed_within_the_retention_survives_the_sweep()
    {
        var client = portal.Factory.Browse();
        var first = await Journeys.FirstPageAsync(client, "haushalt");
        await client.SubmitAsync(first, "/senden", Journeys.Applicant, "save");
        var draftId = Guid.Parse(first.Path.Split('/')[3]);
        await ChangeLastUpdateAsync(draftId, TimeSpan.FromDays(29));

        await portal.Factory.Services.GetRequiredService<DraftRetentionService>().SweepAsync();

        (await client.GetAsync(first.Path)).Status.ShouldBe(HttpStatusCode.OK);
    }

    private async Task ChangeLastUpdateAsync(Guid draftId, TimeSpan ago)
    {
        await using var context = portal.Factory.Services.GetRequiredService<SozialDatabase>().CreateContext();
        var when = DateTime.UtcNow - ago;
        (await context.Drafts.Where(d => d.Id == draftId).ExecuteUpdateAsync(s => s.SetProperty(d => d.UpdatedAt, when))).ShouldBe(1);
    }
}
