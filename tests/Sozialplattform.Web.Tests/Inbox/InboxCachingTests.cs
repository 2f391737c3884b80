using System.Net;
using Microsoft.EntityFrameworkCore;
using Sozialplattform.Storage.Database;

namespace Sozialplattform.Web.Tests.Inbox;

/// <summary>Every inbox page and export with social data is no-store: list, detail, files, JSON and XML exports.</summary>
public sealed class InboxCachingTests(InboxHost host) : IClassFixture<InboxHost>
{
    private InboxPortal Portal => host.Portal;

    [Fact]
    public async Task The_list_the_detail_page_every_file_and_every_export_are_no_store()
    {
        await Portal.CaseworkerAsync("a-caching", InboxPortal.AuthorityA);
        var submission = await Portal.SubmitAsync(InboxPortal.AuthorityA);
        await Portal.DeliverAsync();
        var client = await Portal.SignInAsync("a-caching");
        var id = submission.Submission.Id;
        await using var context = Portal.Get<SozialDatabase>().CreateContext();
        var files = await context.Attachments.Where(a => a.SubmissionId == id).Select(a => a.Id).ToListAsync();

        var urls = files.Select(f => $"/posteingang/antraege/{id}/dateien/{f}")
            .Concat(["/posteingang", $"/posteingang/antraege/{id}", $"/posteingang/antraege/{id}/antrag.json", $"/posteingang/antraege/{id}/antrag.xml"]).ToList();
        urls.Count.ShouldBeGreaterThan(4, "the submission has files");
        foreach (var url in urls)
        {
            using var response = await client.Http.GetAsync(url);
            response.StatusCode.ShouldBe(HttpStatusCode.OK, url);
            response.Headers.CacheControl!.NoStore.ShouldBeTrue(url);
        }
    }
}
