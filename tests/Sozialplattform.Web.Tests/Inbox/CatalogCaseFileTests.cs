using Microsoft.EntityFrameworkCore;
using Sozialplattform.Storage.Database;
using Sozialplattform.Storage.Entities;
using Sozialplattform.Web.Catalog;
using Sozialplattform.Web.Tests.Infrastructure;

namespace Sozialplattform.Web.Tests.Inbox;

/// <summary>
/// A catalog form that declares <c>caseFileField</c> (<c>vermittlungsbudget</c> 1.1.0, the BG-Nummer of the block
/// <c>jobcenter-kunde</c>): delivered into the built-in inbox, an application naming a file of the receiving authority
/// is put into it; one naming an unknown number is only suggested.
/// </summary>
public sealed class CatalogCaseFileTests(CatalogInboxHost host) : IClassFixture<CatalogInboxHost>
{
    private InboxPortal Portal => host.Portal;

    [Fact]
    public async Task An_application_of_the_catalog_form_with_the_bg_number_of_an_authoritys_file_is_linked_to_it()
    {
        var form = Portal.Get<FormCatalog>().Latest("vermittlungsbudget")!;
        (form.Version, form.Definition.CaseFileField).ShouldBe(("1.1.0", "jobcenter.bgNummer"));
        await Portal.CaseworkerAsync("cf-worker", InboxPortal.AuthorityA);
        var first = await Portal.SubmitAsync(InboxPortal.AuthorityA, "vermittlungsbudget");
        await Portal.DeliverAsync();
        var caseworker = await Portal.SignInAsync("cf-worker");
        var detail = await caseworker.GetAsync($"/posteingang/antraege/{first.Submission.Id}");
        detail.Html.ShouldContain("31101BG0012345", customMessage: "the number of the sample is suggested while the authority has no such file");
        (await caseworker.PostAsync($"/posteingang/antraege/{first.Submission.Id}/akte", [detail.AntiforgeryToken, ("aktion", "neu"), ("aktenzeichen", "31101bg0012345")]))
            .Status.ShouldBe(System.Net.HttpStatusCode.OK);

        var second = await Portal.SubmitAsync(InboxPortal.AuthorityA, "vermittlungsbudget");
        var unknown = await Portal.SubmitAsync(InboxPortal.AuthorityA, "vermittlungsbudget", answers => answers["jobcenter"]!["bgNummer"] = "31101BG0099999");
        await Portal.DeliverAsync();

        await using var context = Portal.Get<SozialDatabase>().CreateContext();
        var file = await context.Dossiers.SingleAsync(d => d.AuthorityId == InboxPortal.AuthorityA && d.FileNumber == "31101BG0012345");
        (await context.InboxItems.Where(i => i.SubmissionId == second.Submission.Id).Select(i => i.DossierId).SingleAsync()).ShouldBe(file.Id);
        (await context.InboxItems.Where(i => i.SubmissionId == unknown.Submission.Id).Select(i => i.DossierId).SingleAsync()).ShouldBeNull();
        (await context.AuditLog.Where(a => a.Action == "case.file" && a.Actor == "system").Select(a => a.Details).ToListAsync())
            .ShouldBe(["suggest (no file of this number)", "auto-link 31101BG0012345", "suggest (no file of this number)"], ignoreOrder: true);
        (await caseworker.GetAsync($"/posteingang/antraege/{second.Submission.Id}")).Html.ShouldContain("31101BG0012345");
    }
}

/// <summary>The inbox host with the service catalog (<c>forms-catalog</c>) besides the samples.</summary>
public sealed class CatalogInboxHost : IDisposable
{
    public InboxPortal Portal { get; } = new(null, RepositoryPaths.FormsCatalog);

    public void Dispose() => Portal.Dispose();
}
