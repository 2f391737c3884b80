using System.Net;
using Sozialplattform.Counselling.Storage;
using Sozialplattform.Counselling.Tests.Infrastructure;
using Sozialplattform.Web.Tests.Infrastructure;

namespace Sozialplattform.Counselling.Tests.Web;

/// <summary>
/// The access log (who opened which conversation, when): read by the centre's lead and its data-protection role, who
/// reads no conversation itself; counsellors are forbidden, other centres get 404; reading it is audited.
/// </summary>
public sealed class CounsellingAccessLogTests(CounsellingPortal portal) : IClassFixture<CounsellingPortal>
{
    private string DeskA => $"/beratungsstellen-verwaltung/de/online-beratung/{portal.CentreA}";

    [Fact]
    public async Task The_lead_and_data_protection_see_who_opened_which_conversation_and_others_do_not()
    {
        var id = (await portal.Browse().EnquiryAsync("Protokoll-1", (await portal.ReadyAsync()).CentreA, "Wer liest mit?")).ConversationId();
        var (anna, _) = await portal.CounsellorAsync("protokoll-anna@traeger");
        var (lead, _) = await portal.CounsellorAsync("protokoll-leitung@traeger", role: TeamRole.Lead);
        var (officer, _) = await portal.CounsellorAsync("protokoll-datenschutz@traeger", role: TeamRole.DataProtection);
        var (bernd, _) = await portal.CounsellorAsync("protokoll-bernd@bonn", "online-b", TeamRole.Lead);
        (await anna.GetAsync($"{DeskA}/gespraech/{id}")).Status.ShouldBe(HttpStatusCode.OK);

        foreach (var reader in new[] { lead, officer })
        {
            var log = await reader.GetAsync(DeskA + "/protokoll");
            log.Status.ShouldBe(HttpStatusCode.OK);
            log.Document.QuerySelectorAll("tbody tr").Select(r => r.TextContent).ShouldContain(r => r.Contains("protokoll-anna@traeger") && r.Contains(id.ToString()));
        }

        (await anna.GetAsync(DeskA + "/protokoll")).Status.ShouldBe(HttpStatusCode.Forbidden);
        (await bernd.GetAsync(DeskA + "/protokoll")).Status.ShouldBe(HttpStatusCode.NotFound);
        (await bernd.GetAsync($"/beratungsstellen-verwaltung/de/online-beratung/{portal.CentreB}/protokoll")).Html.ShouldNotContain(id.ToString());
        (await officer.GetAsync($"{DeskA}/gespraech/{id}")).Status.ShouldBe(HttpStatusCode.NotFound);
        (await officer.GetAsync(DeskA)).Text("main").ShouldNotContain("Protokoll-1");

        var audit = await portal.AuditAsync();
        audit.Count(a => a.Action == "counselling.accesslog.read" && a.Actor is "centre-account:protokoll-leitung@traeger" or "centre-account:protokoll-datenschutz@traeger").ShouldBe(2);
    }
}
