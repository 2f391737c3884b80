using System.Net;
using Sozialplattform.Web.Tests.Inbox;

namespace Sozialplattform.Web.Tests.CaseApi;

/// <summary>The per-client limit of the case API (here 5 a minute) under parallel requests; its own host, as the limit is a host setting.</summary>
public sealed class CaseApiLimitTests
{
    [Fact]
    public async Task Twenty_parallel_requests_of_one_client_get_five_answers_and_fifteen_audited_refusals_while_another_client_keeps_its_own_limit()
    {
        using var portal = new CaseApiPortal(requestsPerMinute: 5);
        using var busy = portal.Fachverfahren(await portal.ApiClientAsync(InboxPortal.AuthorityA));
        using var calm = portal.Fachverfahren(await portal.ApiClientAsync(InboxPortal.AuthorityA));
        (await busy.RequestTokenAsync()).Status.ShouldBe(HttpStatusCode.OK);
        (await calm.RequestTokenAsync()).Status.ShouldBe(HttpStatusCode.OK);

        var answers = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(() => busy.ListAsync())));

        answers.Count(a => a.Status == HttpStatusCode.OK).ShouldBe(5);
        var refused = answers.Where(a => a.Status != HttpStatusCode.OK).ToList();
        refused.Count.ShouldBe(15);
        refused.ShouldAllBe(a => a.Status == HttpStatusCode.TooManyRequests && a.Code == "rate-limited");
        (await calm.ListAsync()).Status.ShouldBe(HttpStatusCode.OK, "the limit is per client");
        var audited = await portal.AuditAsync("api.rate-limited");
        audited.Count.ShouldBe(15);
        audited.ShouldAllBe(a => a.Actor == "api:" + busy.ClientId);
    }
}
