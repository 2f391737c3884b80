using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Sozialplattform.Delivery;
using Sozialplattform.Storage.Cases;
using Sozialplattform.Storage.Database;
using Sozialplattform.Storage.Entities;
using Sozialplattform.Storage.Inbox;
using Sozialplattform.Storage.Operations;
using Sozialplattform.Web.Hosting;
using Sozialplattform.Web.Inbox;
using Sozialplattform.Web.Tests.Infrastructure;

namespace Sozialplattform.Web.Tests.Inbox;

/// <summary>
/// The daily job as the host runs it: the tenant's <c>caseRetention</c> read from its <c>tenant.json</c>, a clock moved
/// past the period, and two instances (two hosts) asking at once — one holds the day's lease and deletes, the other skips.
/// </summary>
public sealed class CaseRetentionJobTests(InboxHost host) : IClassFixture<InboxHost>, IDisposable
{
    private readonly string _tenants = Directory.CreateTempSubdirectory("sozial-retention-").FullName;

    private InboxPortal Portal => host.Portal;

    public void Dispose() => Directory.Delete(_tenants, recursive: true);

    [Fact]
    public async Task Two_hosts_running_the_job_at_once_delete_the_due_cases_once_on_one_host_and_keep_the_held_one()
    {
        var lead = await Portal.CaseworkerAsync("job-lead", InboxPortal.AuthorityA, CaseworkerRole.Lead);
        var due = await Portal.SubmitAsync(InboxPortal.AuthorityA);
        var held = await Portal.SubmitAsync(InboxPortal.AuthorityA);
        var open = await Portal.SubmitAsync(InboxPortal.AuthorityA);
        await Portal.DeliverAsync();
        var actions = Portal.Get<CaseworkerActions>();
        foreach (var closed in new[] { due, held }) (await actions.ChangeStatusAsync(lead, closed.Submission.Id, SubmissionStatus.Closed, null)).ShouldBeTrue();
        (await Portal.Get<CaseHolds>().SetAsync(lead, held.Submission.Id, "Klage")).ShouldBe(CaseAccess.Done);
        var portal = Portal.Get<PortalOptions>();
        var tenantFolder = Path.Combine(Portal.Get<DeliveryOptions>().TenantsFolder, portal.Tenant);
        CopyFolder(tenantFolder, Path.Combine(_tenants, portal.Tenant));
        var settings = Path.Combine(_tenants, portal.Tenant, "tenant.json");
        File.WriteAllText(settings, File.ReadAllText(settings).TrimEnd().TrimEnd('}') + """, "caseRetention": { "services": { "haushalt": 30 } } }""");
        var later = new LaterClock(TimeSpan.FromDays(31));

        CaseRetentionService HostJob() => new(new CaseRetention(Portal.Get<SozialDatabase>(), later), new DeliveryOptions { TenantsFolder = _tenants }, portal,
            new JobLeases(Portal.Get<OperationsDatabase>(), later), later, NullLogger<CaseRetentionService>.Instance);
        var results = await Task.WhenAll(Task.Run(() => HostJob().RunLeasedAsync()), Task.Run(() => HostJob().RunLeasedAsync()));

        results.Count(r => r is null).ShouldBe(1, "one host holds the day's lease, the other skips");
        results.Single(r => r is not null).ShouldBe(1);
        await using var context = Portal.Get<SozialDatabase>().CreateContext();
        (await context.Submissions.AnyAsync(s => s.Id == due.Submission.Id)).ShouldBeFalse();
        (await context.Submissions.CountAsync(s => s.Id == held.Submission.Id || s.Id == open.Submission.Id)).ShouldBe(2);
        (await context.CaseDeletions.Where(d => d.SubmissionId == due.Submission.Id).Select(d => d.ApprovedBy).SingleAsync()).ShouldBe("system");
    }

    private static void CopyFolder(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from)) File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        foreach (var folder in Directory.EnumerateDirectories(from)) CopyFolder(folder, Path.Combine(to, Path.GetFileName(folder)));
    }

    /// <summary>The real time moved on by a fixed span (the cases were closed at real time by the host).</summary>
    private sealed class LaterClock(TimeSpan by) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => TimeProvider.System.GetUtcNow() + by;
    }
}
