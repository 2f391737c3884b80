using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.Extensions.DependencyInjection;
using Sozialplattform.Cli.Commands;
using Sozialplattform.Storage.Crypto;
using Sozialplattform.Storage.Crypto.Rotation;
using Sozialplattform.Storage.Database;
using Sozialplattform.Storage.Inbox;
using Sozialplattform.Storage.Submissions;
using Sozialplattform.Web.Tests.Inbox;
using Sozialplattform.Web.Tests.Infrastructure;

namespace Sozialplattform.Web.Tests.Operations;

/// <summary>
/// The data key rotated while real hosts serve on one PostgreSQL database: applications accepted and delivered, a
/// caseworker signed in and searching, a citizen's form open — before (old key), during (new key, old one retired) and
/// after (a host with only the new key): everything reads, search finds it, the status links, the sign-in cookie and the
/// antiforgery token issued before the rotation still work, and no value is left under the old key.
/// </summary>
public sealed class DataKeyRotationWhileServingTests(PostgresPortals portals) : IClassFixture<PostgresPortals>
{
    private static readonly string KeyB = Convert.ToBase64String(Enumerable.Range(0, 32).Select(i => (byte)(255 - i)).ToArray());
    private const string Surname = "Rotationsfeld";

    private static Action<IWebHostBuilder> Keys(string current, params string[] retired) => builder =>
    {
        builder.UseSetting("Sozialplattform:Storage:EncryptionKey", current);
        for (var i = 0; i < retired.Length; i++) builder.UseSetting($"Sozialplattform:Storage:RetiredEncryptionKeys:{i}", retired[i]);
    };

    private static PortalClient Browser(PortalFactory host, CookieContainer cookies) => new(host.CreateDefaultClient(new CookieContainerHandler(cookies)));

    private static async Task<List<AcceptResult>> SubmitAsync(PortalFactory host, int count)
    {
        var accepted = new List<AcceptResult>();
        for (var i = 0; i < count; i++)
            accepted.Add(await host.SubmitSampleAsync(InboxPortal.AuthorityA, change: a => a["antragsteller"]!["nachname"] = Surname));
        await host.DeliverSamplesAsync();
        return accepted;
    }

    [SkippableFact]
    public async Task Everything_from_before_during_and_after_the_rotation_serves_from_a_host_that_has_only_the_new_key()
    {
        // Before: every host has the old key (PostgresPortals.DataKey).
        var old = portals.Host();
        await old.Services.GetRequiredService<CaseworkerAccounts>().CreateAsync("rotation", "Rotation (Test)", InboxPortal.Password, "test", InboxPortal.AuthorityA);
        var before = await SubmitAsync(old, 3);
        var (citizen, caseworker) = (new CookieContainer(), new CookieContainer());
        var service = await Browser(old, citizen).GetAsync("/de/leistungen/haushalt");
        var signIn = await Browser(old, caseworker).GetAsync("/posteingang/anmelden");
        (await Browser(old, caseworker).SubmitAsync(signIn, "/posteingang/anmelden", new Dictionary<string, string?> { ["login"] = "rotation", ["password"] = InboxPortal.Password }))
            .Path.ShouldBe("/posteingang");

        // During: a host with the new key as current and the old one retired serves while the rotation runs.
        var serving = portals.Host(Keys(KeyB, PostgresPortals.DataKey));
        var rotator = await SozialDatabase.OpenAsync(Options(KeyB, PostgresPortals.DataKey));
        await DataKeyColumns.MigrateAreasAsync(rotator);
        var rotation = Task.Run(() => new DataKeyRotation(rotator, DataKeyColumns.All).RotateAsync(batchSize: 2));
        var during = new List<AcceptResult>();
        do
        {
            during.AddRange(await SubmitAsync(serving, 1));
            (await Browser(serving, caseworker).GetAsync($"/posteingang?q={Surname}")).Status.ShouldBe(HttpStatusCode.OK);
        }
        while (!rotation.IsCompleted || during.Count < 2);
        (await rotation).Sum(r => r.Reencrypted).ShouldBeGreaterThan(0);

        // After: a host with only the new key.
        var fresh = portals.Host(Keys(KeyB));
        var after = await SubmitAsync(fresh, 1);
        var list = await Browser(fresh, caseworker).GetAsync($"/posteingang?q={Surname}");
        list.Path.ShouldBe("/posteingang", "the sign-in cookie issued before the rotation opens the inbox, no new sign-in");
        foreach (var application in before.Concat(during).Concat(after))
        {
            list.Html.ShouldContain(application.Submission.ReferenceNumber);
            var status = await fresh.Browse().GetAsync($"/de/status/{application.Submission.ReferenceNumber}?key={application.StatusSecret}");
            status.Status.ShouldBe(HttpStatusCode.OK, application.Submission.ReferenceNumber);
            (await Browser(fresh, caseworker).GetAsync($"/posteingang/antraege/{application.Submission.Id}")).Html.ShouldContain(Surname);
        }

        (await Browser(fresh, citizen).SubmitAsync(service, "/starten")).Status.ShouldBe(HttpStatusCode.OK, "the antiforgery cookie and token issued before the rotation");
        var remaining = await new DataKeyRotation(fresh.Services.GetRequiredService<SozialDatabase>(), DataKeyColumns.All).StatusAsync();
        remaining.SelectMany(s => s.ByKeyId.Keys).Distinct().ShouldBe([new DataKey(Convert.FromBase64String(KeyB)).IdText]);
    }

    private StorageOptions Options(string current, params string[] retired) => new()
    {
        Provider = StorageProvider.Postgres,
        ConnectionString = portals.ConnectionString,
        DataDirectory = Directory.CreateTempSubdirectory("sozial-rotator-").FullName,
        EncryptionKey = current,
        RetiredEncryptionKeys = retired,
    };
}
