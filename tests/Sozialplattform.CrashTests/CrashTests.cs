using System.Net;
using Microsoft.EntityFrameworkCore;
using Sozialplattform.Storage.Database;
using Sozialplattform.Storage.Entities;
using Sozialplattform.Web.Tests.Infrastructure;

namespace Sozialplattform.CrashTests;

/// <summary>
/// Nothing is lost: the real host, as its own process, accepts a batch of applications over HTTP and delivers them over
/// XTA; it is killed (SIGKILL) while a delivery has reached the receiver but is not yet marked delivered and others
/// wait; restarted on the same data folder it delivers every accepted submission — the interrupted one again, with
/// the same delivery id, which the receiver recognises as a repeat — and none twice as new, none missing.
/// </summary>
public sealed class CrashTests
{
    private const int Batch = 16;
    private const int DeliveredBeforeCrash = 5;

    [Fact]
    public async Task A_host_killed_in_the_middle_of_delivery_delivers_every_accepted_submission_exactly_once_after_its_restart()
    {
        using var folders = new CrashFolders();
        await using var receiver = new XtaReceiver(folders.ReceiverLog, answerBeforeHold: DeliveredBeforeCrash);
        await receiver.StartAsync();
        folders.WriteTenant(receiver.Url);

        var accepted = new List<string>();
        using (var first = HostProcess.Start(folders.Settings(), folders.HostLog))
        {
            await first.WaitUntilReadyAsync();
            var client = Browser(first);
            for (var i = 0; i < Batch; i++) accepted.Add(await ApplyAsync(client, i));
            await receiver.Holding.WaitAsync(TimeSpan.FromSeconds(60));
            first.Kill();
        }

        receiver.Release();
        var atCrash = await OutboxAsync(folders);
        atCrash.Count.ShouldBe(Batch, "every accepted submission has its outbox entry");
        atCrash.Count(e => e.Status == OutboxStatus.Delivered).ShouldBe(DeliveredBeforeCrash);
        atCrash.Single(e => e.Id == receiver.HeldDelivery).Status.ShouldBe(OutboxStatus.Delivering, "received, but the host died before marking it");
        atCrash.Count(e => e.Status == OutboxStatus.Pending).ShouldBeGreaterThan(0, "some were still waiting");
        var pdfsAtCrash = await FormPdfsAsync(folders);
        pdfsAtCrash.Count.ShouldBeLessThan(Batch, "accepted without the PDF: those still waiting had none rendered when the host died");
        pdfsAtCrash.Count.ShouldBeGreaterThanOrEqualTo(DeliveredBeforeCrash, "each delivered one was rendered first");

        using (var second = HostProcess.Start(folders.Settings(), folders.HostLog))
        {
            await second.WaitUntilReadyAsync();
            await WaitUntilDeliveredAsync(folders);
            second.Kill();
        }

        var outbox = await OutboxAsync(folders);
        outbox.ShouldAllBe(e => e.Status == OutboxStatus.Delivered);
        outbox.Select(e => e.SubmissionId).Distinct().Count().ShouldBe(Batch, "one destination, one entry per submission");
        (await FormPdfsAsync(folders)).ShouldBe(outbox.Select(e => e.SubmissionId), ignoreOrder: true, "the restarted host rendered the missing PDFs, one per submission");
        var log = receiver.Log();
        var fresh = log.Where(l => l.IsNew).ToList();
        fresh.Select(l => l.DeliveryId).ShouldBeUnique("no delivery id arrived twice as a new delivery");
        fresh.Select(l => l.DeliveryId).ShouldBe(outbox.Select(e => e.Id), ignoreOrder: true);
        fresh.Select(l => l.Reference).ShouldBe(accepted, ignoreOrder: true, "every accepted submission reached the authority, none is missing");
        var repeats = log.Where(l => !l.IsNew).Select(l => l.DeliveryId).ToList();
        repeats.ShouldContain(receiver.HeldDelivery!.Value, "the interrupted delivery came again with its delivery id and was recognised");
        repeats.ShouldAllBe(id => fresh.Any(f => f.DeliveryId == id));
        Console.WriteLine($"crash test: {Batch} accepted, {DeliveredBeforeCrash} delivered before the kill, {repeats.Count} repeat(s) recognised after the restart");
    }

    private static PortalClient Browser(HostProcess host) =>
        new(new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new CookieContainer() }) { BaseAddress = new Uri(host.BaseUrl) });

    /// <summary>The sample contact form through the portal's pages; returns the reference number of the receipt.</summary>
    private static async Task<string> ApplyAsync(PortalClient client, int number)
    {
        var page = await Journeys.FirstPageAsync(client, "kontakt");
        var summary = await client.SubmitAsync(page, "/senden", new Dictionary<string, string?>
        {
            ["thema"] = "schulden", ["nachricht"] = $"Antrag Nummer {number} im Absturztest.", ["telefon"] = "0201 123456",
        }, "next");
        summary.Path.ShouldEndWith("/zusammenfassung");
        var receipt = await client.SubmitAsync(summary, "/absenden");
        receipt.Path.ShouldStartWith("/de/eingang/");
        return receipt.Text(".confirmation__reference");
    }

    private static async Task<List<OutboxEntry>> OutboxAsync(CrashFolders folders)
    {
        var database = await SozialDatabase.OpenAsync(new StorageOptions { DataDirectory = folders.Data });
        await using var context = database.CreateContext();
        return await context.Outbox.AsNoTracking().ToListAsync();
    }

    /// <summary>The submissions that have their stored PDF (one row each at most: a unique index).</summary>
    private static async Task<List<Guid>> FormPdfsAsync(CrashFolders folders)
    {
        var database = await SozialDatabase.OpenAsync(new StorageOptions { DataDirectory = folders.Data });
        await using var context = database.CreateContext();
        return await context.Attachments.AsNoTracking().Where(a => a.Purpose == AttachmentPurpose.Form).Select(a => a.SubmissionId!.Value).ToListAsync();
    }

    /// <summary>Polls the outbox (bounded: 90 s) until every entry is delivered.</summary>
    private static async Task WaitUntilDeliveredAsync(CrashFolders folders)
    {
        for (var i = 0; i < 360; i++)
        {
            if ((await OutboxAsync(folders)).All(e => e.Status == OutboxStatus.Delivered)) return;
            await Task.Delay(250);
        }

        throw new TimeoutException($"The outbox was not empty 90 s after the restart:\n{File.ReadAllText(folders.HostLog)}");
    }
}
