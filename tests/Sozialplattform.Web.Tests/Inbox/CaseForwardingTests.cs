using System.Net;
using Microsoft.EntityFrameworkCore;
using Sozialplattform.Storage.Database;
using Sozialplattform.Web.Tests.Infrastructure;

namespace Sozialplattform.Web.Tests.Inbox;

/// <summary>A wrongly routed case goes to another authority with a reason: the first keeps only a stub, the second gets the case with its history, the applicant sees the new authority.</summary>
public sealed class CaseForwardingTests
{
    [Fact]
    public async Task A_forwarded_case_leaves_a_stub_behind_reaches_the_other_authority_as_new_and_shows_the_new_authority_to_the_applicant()
    {
        using var portal = new InboxPortal();
        await portal.CaseworkerAsync("f-first", InboxPortal.AuthorityA);
        await portal.CaseworkerAsync("f-second", InboxPortal.AuthorityB);
        var accepted = await portal.SubmitAsync(InboxPortal.AuthorityA);
        var id = accepted.Submission.Id;
        await portal.DeliverAsync();
        var first = await portal.SignInAsync("f-first");
        var detail = await first.GetAsync($"/posteingang/antraege/{id}");
        detail.Document.QuerySelectorAll("#ziel option").Select(o => o.TextContent).ShouldBe(["Sozialamt Nordstadt"], "only other authorities with the built-in inbox");
        await first.SubmitAsync(detail, "/notizen", new Dictionary<string, string?> { ["notiz"] = "Wohnt in Nordstadt." });
        detail = await first.GetAsync($"/posteingang/antraege/{id}");

        var missing = await first.SubmitAsync(detail, "/weiterleitung", new Dictionary<string, string?> { ["ziel"] = InboxPortal.AuthorityB, ["weiterleitung"] = " " });
        missing.Status.ShouldBe(HttpStatusCode.UnprocessableEntity);
        missing.Text("#weiterleitung-error").ShouldContain("Grund der Weiterleitung");
        var wrongTarget = await first.SubmitAsync(detail, "/weiterleitung", new Dictionary<string, string?> { ["ziel"] = InboxPortal.AuthorityBroken, ["weiterleitung"] = "x" });
        wrongTarget.Text("#ziel-error").ShouldContain("aus der Liste");

        var stub = await first.SubmitAsync(detail, "/weiterleitung", new Dictionary<string, string?> { ["ziel"] = InboxPortal.AuthorityB, ["weiterleitung"] = "Wohnort <b>Nordstadt</b>" });
        stub.Status.ShouldBe(HttpStatusCode.OK);
        stub.Text(".case-stub").ShouldContain("Sozialamt Nordstadt");
        stub.Text(".inbox-message").ShouldBe("Wohnort <b>Nordstadt</b>");
        stub.Html.ShouldNotContain("Yılmaz", customMessage: "no answers in the stub");
        (await first.Http.GetAsync($"/posteingang/antraege/{id}/antrag.json")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await first.PostAsync($"/posteingang/antraege/{id}/notizen", [stub.AntiforgeryToken, ("notiz", "noch da?")])).Status.ShouldBe(HttpStatusCode.NotFound);
        (await first.GetAsync("/posteingang")).Text(".inbox-forwarded").ShouldBe("weitergeleitet an Sozialamt Nordstadt");

        var second = await portal.SignInAsync("f-second");
        (await second.GetAsync("/posteingang?neu=1")).Html.ShouldContain(accepted.Submission.ReferenceNumber);
        var theirs = await second.GetAsync($"/posteingang/antraege/{id}");
        theirs.Html.ShouldContain("Grundschule am Park");
        var forwarded = theirs.Document.QuerySelector(".case-timeline__entry--forwarded")!;
        forwarded.QuerySelector(".inbox-message")!.TextContent.ShouldBe("Wohnort <b>Nordstadt</b>");
        forwarded.QuerySelector(".timeline__time")!.TextContent.ShouldEndWith("f-first");
        theirs.Document.QuerySelector(".case-timeline__entry--note .inbox-message")!.TextContent.ShouldBe("Wohnt in Nordstadt.", "the history comes along");
        (await second.SubmitAsync(theirs, "/status", new Dictionary<string, string?> { ["status"] = "InReview" })).Text(".inbox-saved").ShouldBe("Gespeichert.");

        var status = await portal.Browse().GetAsync($"/de/status/{accepted.Submission.ReferenceNumber}?key={Uri.EscapeDataString(accepted.StatusSecret)}");
        status.Text(".status-authority").ShouldContain("Sozialamt Nordstadt");
        status.Html.ShouldNotContain("Wohnort", customMessage: "the reason is internal");

        (await first.PostAsync($"/posteingang/antraege/{id}/weiterleitung", [stub.AntiforgeryToken, ("ziel", InboxPortal.AuthorityB), ("weiterleitung", "nochmal")])).Status.ShouldBe(HttpStatusCode.NotFound);
        await using var context = portal.Get<SozialDatabase>().CreateContext();
        var trail = await context.AuditLog.Where(a => a.SubmissionId == id).Select(a => a.Actor + " " + a.Action).ToListAsync();
        trail.ShouldContain("f-first case.forward");
        trail.ShouldContain("f-first case.forward.refused");
        trail.ShouldContain("f-first submission.stub");
    }
}
