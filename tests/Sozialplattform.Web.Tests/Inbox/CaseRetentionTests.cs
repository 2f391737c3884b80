using System.IO.Compression;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Sozialplattform.Storage.Database;
using Sozialplattform.Storage.Entities;
using Sozialplattform.Web.Tests.Infrastructure;

namespace Sozialplattform.Web.Tests.Inbox;

/// <summary>
/// Retention on the detail page without JavaScript: a lead sets and lifts a legal hold with a reason and downloads the
/// archive package; a caseworker who is no lead (403), another authority (404), no login, a foreign token (400) and
/// hostile or overlong reasons are refused and change nothing.
/// </summary>
public sealed class CaseRetentionTests(InboxHost host) : IClassFixture<InboxHost>
{
    private InboxPortal Portal => host.Portal;

    [Fact]
    public async Task A_lead_sets_and_lifts_a_legal_hold_with_a_reason_and_downloads_the_archive_package()
    {
        await Portal.CaseworkerAsync("ret-lead", InboxPortal.AuthorityA, CaseworkerRole.Lead);
        var accepted = await Portal.SubmitAsync(InboxPortal.AuthorityA);
        await Portal.DeliverAsync();
        var lead = await Portal.SignInAsync("ret-lead");
        var url = $"/posteingang/antraege/{accepted.Submission.Id}";
        var detail = await lead.GetAsync(url);
        detail.Text("section[aria-labelledby=retention-title]").ShouldContain("Keine Löschsperre.");

        var held = await lead.PostAsync(url + "/loeschsperre", [detail.AntiforgeryToken, ("aktion", "setzen"), ("grund", "<script>alert(1)</script> Klage S 12 AS 345/26")]);
        held.Status.ShouldBe(HttpStatusCode.OK);
        held.Text(".case-hold strong").ShouldBe("Löschsperre gesetzt:");
        held.Text(".case-hold__reason").ShouldBe("<script>alert(1)</script> Klage S 12 AS 345/26");
        held.Html.ShouldNotContain("<script>alert(1)");

        var archive = await lead.Http.GetAsync(url + "/archiv.zip");
        archive.StatusCode.ShouldBe(HttpStatusCode.OK);
        archive.Content.Headers.ContentType!.MediaType.ShouldBe("application/zip");
        archive.Content.Headers.ContentDisposition!.FileNameStar.ShouldBe($"Archiv-{accepted.Submission.ReferenceNumber}.zip");
        using var zip = new ZipArchive(new MemoryStream(await archive.Content.ReadAsByteArrayAsync()));
        zip.Entries.Select(e => e.FullName).ShouldContain("manifest.json");
        zip.Entries.Select(e => e.FullName).ShouldContain($"antrag/{accepted.Submission.ReferenceNumber}.pdf");

        var lifted = await lead.PostAsync(url + "/loeschsperre", [held.AntiforgeryToken, ("aktion", "aufheben"), ("grund", "Verfahren beendet")]);
        lifted.Text("section[aria-labelledby=retention-title]").ShouldContain("Keine Löschsperre.");
        await using var context = Portal.Get<SozialDatabase>().CreateContext();
        (await context.AuditLog.Where(a => a.SubmissionId == accepted.Submission.Id && (a.Action == "case.hold" || a.Action == "case.archive")).OrderBy(a => a.Id).Select(a => new { a.Action, a.Details }).ToListAsync())
            .Select(a => $"{a.Action} {a.Details}".Trim()).ShouldBe(["case.hold set", "case.archive", "case.hold lifted"]);
    }

    [Fact]
    public async Task No_lead_another_authority_no_login_a_foreign_token_and_bad_reasons_are_refused_and_change_nothing()
    {
        await Portal.CaseworkerAsync("ret-own-lead", InboxPortal.AuthorityA, CaseworkerRole.Lead);
        await Portal.CaseworkerAsync("ret-worker", InboxPortal.AuthorityA);
        await Portal.CaseworkerAsync("ret-other-lead", InboxPortal.AuthorityB, CaseworkerRole.Lead);
        var accepted = await Portal.SubmitAsync(InboxPortal.AuthorityA);
        await Portal.DeliverAsync();
        var id = accepted.Submission.Id;
        var hold = $"/posteingang/antraege/{id}/loeschsperre";
        var archive = $"/posteingang/antraege/{id}/archiv.zip";

        var worker = await Portal.SignInAsync("ret-worker");
        var workerPage = await worker.GetAsync($"/posteingang/antraege/{id}");
        workerPage.Document.QuerySelector($"form[action='{hold}']").ShouldBeNull("no hold form for a caseworker who is no lead");
        (await worker.PostAsync(hold, [workerPage.AntiforgeryToken, ("aktion", "setzen"), ("grund", "Widerspruch")])).Status.ShouldBe(HttpStatusCode.Forbidden);
        (await worker.Http.GetAsync(archive)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var other = await Portal.SignInAsync("ret-other-lead");
        var otherPage = await other.GetAsync("/posteingang");
        (await other.PostAsync(hold, [otherPage.AntiforgeryToken, ("aktion", "setzen"), ("grund", "Widerspruch")])).Status.ShouldBe(HttpStatusCode.NotFound);
        (await other.Http.GetAsync(archive)).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var lead = await Portal.SignInAsync("ret-own-lead");
        var leadPage = await lead.GetAsync($"/posteingang/antraege/{id}");
        (await lead.PostAsync(hold, [otherPage.AntiforgeryToken, ("aktion", "setzen"), ("grund", "Widerspruch")])).Status.ShouldBe(HttpStatusCode.BadRequest, "another session's token");
        (await lead.PostAsync(hold, [("aktion", "setzen"), ("grund", "Widerspruch")])).Status.ShouldBe(HttpStatusCode.BadRequest, "no token");
        var empty = await lead.PostAsync(hold, [leadPage.AntiforgeryToken, ("aktion", "setzen"), ("grund", "  ")]);
        empty.Status.ShouldBe(HttpStatusCode.UnprocessableEntity);
        empty.Text("#grund-error").ShouldContain("Bitte geben Sie einen Grund an");
        var overlong = await lead.PostAsync(hold, [leadPage.AntiforgeryToken, ("aktion", "setzen"), ("grund", new string('x', 1001))]);
        overlong.Status.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await lead.PostAsync(hold, [leadPage.AntiforgeryToken, ("aktion", "loeschen"), ("grund", "x")])).Status.ShouldBe(HttpStatusCode.UnprocessableEntity);

        var stranger = Portal.Browse();
        var strangerToken = (await stranger.GetAsync("/posteingang/anmelden")).AntiforgeryToken;
        (await stranger.PostAsync(hold, [strangerToken, ("aktion", "setzen"), ("grund", "Widerspruch")])).Path.ShouldBe("/posteingang/anmelden");
        (await stranger.GetAsync(archive)).Path.ShouldBe("/posteingang/anmelden");

        await using var context = Portal.Get<SozialDatabase>().CreateContext();
        (await context.CaseHolds.CountAsync(h => h.SubmissionId == id)).ShouldBe(0);
        (await context.AuditLog.Where(a => a.SubmissionId == id && a.Action.EndsWith(".refused") && (a.Action.StartsWith("case.hold") || a.Action.StartsWith("case.archive")))
            .OrderBy(a => a.Id).Select(a => a.Action + " " + a.Actor).ToListAsync())
            .ShouldBe(["case.hold.refused ret-worker", "case.archive.refused ret-worker", "case.hold.refused ret-other-lead", "case.archive.refused ret-other-lead"]);
    }
}
