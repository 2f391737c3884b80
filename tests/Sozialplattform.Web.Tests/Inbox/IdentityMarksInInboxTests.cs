using Sozialplattform.Web.Tests.Infrastructure;

namespace Sozialplattform.Web.Tests.Inbox;

/// <summary>The caseworker sees which answers came from the applicant's user account, and at which level.</summary>
public sealed class IdentityMarksInInboxTests(InboxHost host) : IClassFixture<InboxHost>
{
    private InboxPortal Portal => host.Portal;

    [Fact]
    public async Task The_detail_page_marks_the_values_taken_from_the_account_with_the_level_and_no_other()
    {
        await Portal.CaseworkerAsync("identity-marks", InboxPortal.AuthorityA);
        var sent = await Portal.SubmitAsync(InboxPortal.AuthorityA, prefilled: new Dictionary<string, string>
        {
            ["antragsteller.nachname"] = "Substantial", ["antragsteller.geburtsdatum"] = "High",
        });
        var plain = await Portal.SubmitAsync(InboxPortal.AuthorityA);
        await Portal.DeliverAsync();
        var client = await Portal.SignInAsync("identity-marks");

        var detail = await client.GetAsync($"/posteingang/antraege/{sent.Submission.Id}");

        var marked = detail.Document.QuerySelectorAll(".summary-list__row").Where(r => r.QuerySelector(".hint--identity") is not null)
            .Select(r => (r.QuerySelector("dt")!.TextContent.Trim(), r.QuerySelector(".hint--identity")!.TextContent.Trim())).ToList();
        marked.ShouldBe([
            ("Nachname", "Aus dem Nutzerkonto übernommen (Vertrauensniveau „substantiell“)"),
            ("Geburtsdatum", "Aus dem Nutzerkonto übernommen (Vertrauensniveau „hoch“)"),
        ]);
        (await client.GetAsync($"/posteingang/antraege/{plain.Submission.Id}")).Document.QuerySelectorAll(".hint--identity").ShouldBeEmpty();
    }
}
