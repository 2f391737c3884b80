using System.Net;
using Microsoft.EntityFrameworkCore;
using Sozialplattform.Storage.ApiClients;
using Sozialplattform.Storage.Database;
using Sozialplattform.Storage.Entities;
using Sozialplattform.Web.Tests.Inbox;
using Sozialplattform.Web.Tests.Infrastructure;

namespace Sozialplattform.Web.Tests.CaseApi;

/// <summary>
/// The case API with real tokens from the host's OpenIddict server over HTTP: the example client walks the whole cycle,
/// and every refusal — another authority, a wrong scope, an expired or revoked token, a revoked client, a client of
/// another tenant, hostile input — is tested with its audit entry. One host for the class.
/// </summary>
public sealed class CaseApiTests(CaseApiTests.Host host) : IClassFixture<CaseApiTests.Host>
{
    public sealed class Host : IDisposable
    {
        public CaseApiPortal Portal { get; } = new();

        public void Dispose() => Portal.Dispose();
    }

    private readonly CaseApiPortal _portal = host.Portal;

    private async Task<FachverfahrenClient> SignedInAsync(string authority = InboxPortal.AuthorityA, IReadOnlyList<string>? scopes = null)
    {
        var client = _portal.Fachverfahren(await _portal.ApiClientAsync(authority, scopes));
        (await client.RequestTokenAsync()).Status.ShouldBe(HttpStatusCode.OK);
        return client;
    }

    private async Task<Guid> CaseAsync(string authority = InboxPortal.AuthorityA, string? email = null)
    {
        var accepted = await _portal.SubmitAsync(authority, email: email);
        await _portal.DeliverAsync();
        return accepted.Submission.Id;
    }

    [Fact]
    public async Task The_example_client_takes_a_case_sets_its_status_writes_and_decides_and_the_applicant_sees_it()
    {
        var accepted = await _portal.SubmitAsync(InboxPortal.AuthorityA);
        await _portal.DeliverAsync();
        using var client = _portal.Fachverfahren(await _portal.ApiClientAsync(InboxPortal.AuthorityA));
        var (tokenStatus, token) = await client.RequestTokenAsync();
        tokenStatus.ShouldBe(HttpStatusCode.OK);
        token.GetProperty("token_type").GetString().ShouldBe("Bearer");
        token.GetProperty("expires_in").GetInt32().ShouldBeInRange(890, 900, "15 minutes");

        var list = await client.ListAsync("?new=true&limit=500");
        list.Status.ShouldBe(HttpStatusCode.OK);
        var entry = list.Json.GetProperty("cases").EnumerateArray().Single(c => c.GetProperty("id").GetGuid() == accepted.Submission.Id);
        entry.GetProperty("reference").GetString().ShouldBe(accepted.Submission.ReferenceNumber);
        entry.GetProperty("new").GetBoolean().ShouldBeTrue();

        var fetched = await client.FetchAsync(accepted.Submission.Id);
        fetched.Status.ShouldBe(HttpStatusCode.OK);
        fetched.Json.GetProperty("answers").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.Object);
        var documents = fetched.Json.GetProperty("documents").EnumerateArray().ToList();
        documents.Select(d => d.GetProperty("kind").GetString()).Order().ShouldBe(["attachment", "form"]);
        var upload = documents.Single(d => d.GetProperty("kind").GetString() == "attachment");
        var download = await client.DownloadAsync(upload.GetProperty("href").GetString()!);
        (download.Status, download.MediaType, download.FileName).ShouldBe((HttpStatusCode.OK, "application/pdf", "Lohnabrechnung Oktober.pdf"));
        download.Bytes.ShouldBe(InboxPortal.Pdf);
        var xml = await client.XmlAsync(accepted.Submission.Id);
        (xml.Status, xml.MediaType).ShouldBe((HttpStatusCode.OK, "application/xml"));
        System.Xml.Linq.XDocument.Parse(System.Text.Encoding.UTF8.GetString(xml.Bytes)).Root.ShouldNotBeNull();

        (await client.AcknowledgeAsync(accepted.Submission.Id)).Status.ShouldBe(HttpStatusCode.OK);
        (await client.ListAsync("?new=true&limit=500")).Json.GetProperty("cases").EnumerateArray().ShouldNotContain(c => c.GetProperty("id").GetGuid() == accepted.Submission.Id);
        (await client.SetStatusAsync(accepted.Submission.Id, "InReview", "Wir prüfen Ihren Antrag.")).Status.ShouldBe(HttpStatusCode.OK);
        (await client.PostMessageAsync(accepted.Submission.Id, "Bitte schicken Sie uns den Mietvertrag.")).Status.ShouldBe(HttpStatusCode.Created);
        (await client.PostDecisionAsync(accepted.Submission.Id, InboxPortal.Pdf, "Bescheid.pdf", "Ihr Bescheid liegt bei.")).Status.ShouldBe(HttpStatusCode.Created);

        var applicant = _portal.Applicant();
        var status = await applicant.GetAsync($"/de/status/{accepted.Submission.ReferenceNumber}?key={Uri.EscapeDataString(accepted.StatusSecret)}");
        status.Document.Body!.TextContent.ShouldContain("Wir prüfen Ihren Antrag.");
        status.Document.QuerySelectorAll(".case-message__text").Select(m => m.TextContent).ShouldBe(["Bitte schicken Sie uns den Mietvertrag.", "Ihr Bescheid liegt bei."], ignoreOrder: true);
        var decisionLink = status.Document.QuerySelector(".case-message--decision a")!.GetAttribute("href")!;
        (await (await applicant.Http.GetAsync(decisionLink)).Content.ReadAsByteArrayAsync()).ShouldBe(InboxPortal.Pdf);

        var actor = "api:" + client.ClientId;
        var trail = (await _portal.AuditAsync("submission.view")).Concat(await _portal.AuditAsync("submission.status")).Concat(await _portal.AuditAsync("case.message"))
            .Concat(await _portal.AuditAsync("case.decision")).Concat(await _portal.AuditAsync("submission.download")).Where(a => a.SubmissionId == accepted.Submission.Id).ToList();
        trail.Select(a => a.Action).Distinct().Order().ShouldBe(["case.decision", "case.message", "submission.download", "submission.status", "submission.view"]);
        trail.ShouldAllBe(a => a.Actor == actor && a.Actor.StartsWith("api:fv-sozialamt-test-"));
    }

    [Fact]
    public async Task A_case_of_another_authority_is_not_found_like_an_unknown_one_for_every_operation_and_each_attempt_is_audited()
    {
        var theirs = await CaseAsync(InboxPortal.AuthorityB);
        using var client = await SignedInAsync(InboxPortal.AuthorityA);

        var answers = new[]
        {
            await client.FetchAsync(theirs), await client.XmlAsync(theirs), await client.DownloadAsync($"/api/v1/cases/{theirs}/documents/{Guid.NewGuid()}"),
            await client.AcknowledgeAsync(theirs), await client.SetStatusAsync(theirs, "Closed", null), await client.PostMessageAsync(theirs, "fremd"),
            await client.PostDecisionAsync(theirs, InboxPortal.Pdf, "b.pdf", null),
        };

        answers.ShouldAllBe(a => a.Status == HttpStatusCode.NotFound && a.Code == "case-not-found");
        (await client.FetchAsync(Guid.NewGuid())).Code.ShouldBe("case-not-found", "an unknown id answers the same: a client cannot tell whether a case exists elsewhere");
        (await client.ListAsync("?limit=500")).Json.GetProperty("cases").EnumerateArray().ShouldNotContain(c => c.GetProperty("id").GetGuid() == theirs);
        await using var context = _portal.Get<SozialDatabase>().CreateContext();
        var refusals = await context.AuditLog.Where(a => a.SubmissionId == theirs && a.Action.EndsWith(".refused")).Select(a => a.Action).ToListAsync();
        refusals.Order().ShouldBe(["case.acknowledge.refused", "case.decision.refused", "case.message.refused", "submission.download.refused", "submission.export.refused",
            "submission.status.refused", "submission.view.refused"]);
        var status = await context.Submissions.Where(s => s.Id == theirs).Select(s => s.Status).SingleAsync();
        status.ShouldBe(SubmissionStatus.Received, "nothing changed");
    }

    [Fact]
    public async Task A_token_without_the_scope_of_an_operation_is_refused_with_403_and_audited()
    {
        var mine = await CaseAsync();
        using var client = await SignedInAsync(scopes: [ApiScopes.Read]);

        (await client.FetchAsync(mine)).Status.ShouldBe(HttpStatusCode.OK);
        var refused = await client.SetStatusAsync(mine, "Closed", null);
        (refused.Status, refused.Code).ShouldBe((HttpStatusCode.Forbidden, "scope-missing"));
        (await client.PostDecisionAsync(mine, InboxPortal.Pdf, "b.pdf", null)).Code.ShouldBe("scope-missing");
        var (status, body) = await client.RequestTokenAsync(scope: ApiScopes.Status);
        status.ShouldBe(HttpStatusCode.BadRequest, "a client gets no scope it was not given");
        body.TryGetProperty("access_token", out _).ShouldBeFalse();
        (await _portal.AuditAsync("api.scope.refused")).Where(a => a.SubmissionId == mine).Select(a => a.Details).ShouldBe(
            [$"PUT /api/v1/cases/{mine}/status: needs cases.status", $"POST /api/v1/cases/{mine}/decisions: needs cases.decisions"]);
    }

    [Fact]
    public async Task An_expired_token_a_token_the_client_revoked_and_the_tokens_of_a_revoked_client_are_refused_and_audited()
    {
        var mine = await CaseAsync();
        using var client = await SignedInAsync();
        (await client.FetchAsync(mine)).Status.ShouldBe(HttpStatusCode.OK);

        _portal.Clock.Advance(TimeSpan.FromMinutes(16));
        var expired = await client.FetchAsync(mine);
        (expired.Status, expired.Code).ShouldBe((HttpStatusCode.Unauthorized, "token-invalid"));

        (await client.RequestTokenAsync()).Status.ShouldBe(HttpStatusCode.OK);
        (await client.RevokeTokenAsync()).ShouldBe(HttpStatusCode.OK);
        (await client.FetchAsync(mine)).Code.ShouldBe("token-invalid");

        var registered = await _portal.ApiClientAsync(InboxPortal.AuthorityA);
        using var other = _portal.Fachverfahren(registered);
        (await other.RequestTokenAsync()).Status.ShouldBe(HttpStatusCode.OK);
        (await _portal.RevokeAsync(registered.Client.ClientId)).ShouldBeTrue();
        (await other.FetchAsync(mine)).Code.ShouldBe("token-invalid");
        (await other.RequestTokenAsync()).Body.GetProperty("error").GetString().ShouldBe("invalid_client");

        (await client.FetchAsync(Guid.Empty)).Code.ShouldBe("token-invalid");
        var refusals = (await _portal.AuditAsync("api.token.refused")).Where(a => a.SubmissionId == mine).ToList();
        refusals.Count.ShouldBe(3, "expired, revoked by the client, client revoked");
        refusals.ShouldAllBe(a => a.Actor == "api:unknown" && a.Details!.StartsWith($"GET /api/v1/cases/{mine}: "));
        (await _portal.AuditAsync("api-client.revoke")).ShouldContain(a => a.Details == registered.Client.ClientId);
    }

    [Fact]
    public async Task A_client_of_another_tenant_gets_no_token_and_a_wrong_secret_or_no_token_gets_nothing()
    {
        await using (var context = _portal.Get<SozialDatabase>().CreateContext())
        {
            context.Authorities.Add(new Authority { TenantId = "anders", Id = "sozialamt-anders", Name = "Sozialamt Anders", Role = "sozialamt", Address = "Weg 1", ChannelType = "inbox", ChannelOptionsJson = "{}" });
            await context.SaveChangesAsync();
        }

        using var foreign = _portal.Fachverfahren(await _portal.ApiClientAsync("sozialamt-anders", tenant: "anders"));
        var (status, body) = await foreign.RequestTokenAsync();
        (status, body.GetProperty("error").GetString()).ShouldBe((HttpStatusCode.Unauthorized, "invalid_client"));
        (await _portal.AuditAsync("api.token.refused")).ShouldContain(a => a.Details == "client of tenant anders at tenant test");

        using var guessing = _portal.Fachverfahren(await _portal.ApiClientAsync(InboxPortal.AuthorityA));
        (await guessing.RequestTokenAsync(secretOverride: "geraten")).Body.GetProperty("error").GetString().ShouldBe("invalid_client");
        var none = await guessing.ListAsync();
        (none.Status, none.Code, none.MediaType).ShouldBe((HttpStatusCode.Unauthorized, "token-invalid", "application/problem+json"));
        guessing.Use("eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.");
        (await guessing.ListAsync()).Code.ShouldBe("token-invalid");
    }

    [Fact]
    public async Task Hostile_decisions_and_messages_are_refused_with_their_code_or_escaped_for_the_applicant()
    {
        var accepted = await _portal.SubmitAsync(InboxPortal.AuthorityA);
        await _portal.DeliverAsync();
        var id = accepted.Submission.Id;
        using var client = await SignedInAsync();

        var tooLarge = await client.PostDecisionAsync(id, [.. InboxPortal.Pdf, .. new byte[10 * 1024 * 1024]], "gross.pdf", null);
        (tooLarge.Status, tooLarge.Code).ShouldBe((HttpStatusCode.RequestEntityTooLarge, "fileTooLarge"));
        var html = await client.PostDecisionAsync(id, "<html><script>alert(1)</script></html>"u8.ToArray(), "bescheid.pdf", null);
        (html.Status, html.Code).ShouldBe((HttpStatusCode.UnsupportedMediaType, "fileType"));
        (await client.PostMessageAsync(id, new string('x', 4001))).Code.ShouldBe("textTooLong");
        (await client.PostMessageAsync(id, "  ")).Code.ShouldBe("textMissing");
        (await client.SetStatusAsync(id, "Decided", null)).Code.ShouldBe("message-required");
        (await client.SetStatusAsync(id, "3", "x")).Code.ShouldBe("status-invalid");
        (await client.ListAsync("?cursor=kaputt")).Code.ShouldBe("cursor-invalid");
        (await client.ListAsync("?since=gestern")).Code.ShouldBe("since-invalid");
        await using (var context = _portal.Get<SozialDatabase>().CreateContext())
        {
            (await context.CaseMessages.CountAsync(m => m.SubmissionId == id)).ShouldBe(0, "nothing refused is stored");
            (await context.Submissions.Where(s => s.Id == id).Select(s => s.Status).SingleAsync()).ShouldBe(SubmissionStatus.Received);
        }

        (await client.PostMessageAsync(id, "Bitte <script>alert('x')</script><b>sofort</b> melden")).Status.ShouldBe(HttpStatusCode.Created);
        var status = await _portal.Applicant().GetAsync($"/de/status/{accepted.Submission.ReferenceNumber}?key={Uri.EscapeDataString(accepted.StatusSecret)}");
        status.Text(".case-message__text").ShouldBe("Bitte <script>alert('x')</script><b>sofort</b> melden");
        status.Document.QuerySelectorAll("b").ShouldNotContain(b => b.TextContent == "sofort");
        status.Document.QuerySelectorAll("script").ShouldAllBe(s => !s.TextContent.Contains("alert"));
    }

    [Fact]
    public async Task The_list_pages_by_cursor_returns_each_case_once_and_a_hand_in_makes_an_acknowledged_case_new_again()
    {
        var since = _portal.Clock.GetUtcNow();
        var submitted = new List<Sozialplattform.Storage.Submissions.AcceptResult>();
        for (var i = 0; i < 5; i++) submitted.Add(await _portal.SubmitAsync(InboxPortal.AuthorityA));
        var accepted = submitted.Select(s => s.Submission.Id).ToList();
        await _portal.DeliverAsync();
        using var client = await SignedInAsync();

        var seen = new List<Guid>();
        string? cursor = null;
        do
        {
            var page = (await client.ListAsync($"?since={Uri.EscapeDataString(since.ToString("O"))}&limit=2" + (cursor is null ? "" : $"&cursor={cursor}"))).Json;
            seen.AddRange(page.GetProperty("cases").EnumerateArray().Select(c => c.GetProperty("id").GetGuid()));
            cursor = page.GetProperty("next").GetString();
        }
        while (cursor is not null);

        seen.ShouldBe(accepted, ignoreOrder: true);
        foreach (var id in accepted) (await client.AcknowledgeAsync(id)).Status.ShouldBe(HttpStatusCode.OK);
        _portal.Clock.Advance(TimeSpan.FromSeconds(1));
        (await new Storage.Cases.ApplicantCase(_portal.Get<SozialDatabase>(), _portal.Clock).HandInAsync(submitted[2].Submission.ReferenceNumber, submitted[2].StatusSecret, "Nachweis", [])).ShouldNotBeNull();
        (await client.ListAsync($"?new=true&since={Uri.EscapeDataString(since.ToString("O"))}")).Json.GetProperty("cases").EnumerateArray()
            .Select(c => c.GetProperty("id").GetGuid()).ShouldBe([accepted[2]]);
    }
}
