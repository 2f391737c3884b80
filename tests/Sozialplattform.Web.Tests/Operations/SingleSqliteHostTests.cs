using System.Net;
using Microsoft.AspNetCore.Hosting;
using Sozialplattform.Web.Tests.Infrastructure;

namespace Sozialplattform.Web.Tests.Operations;

/// <summary>
/// SQLite serves one host: a second portal host on the same database file refuses to start with a message that names the
/// database and the way out, and the running host is not disturbed; once the first host has stopped, a host on the same
/// data starts again (the lock belongs to the running process, so a restart never waits for it).
/// </summary>
public sealed class SingleSqliteHostTests
{
    [Fact]
    public async Task A_second_host_on_the_same_SQLite_database_refuses_to_start_and_names_the_database_and_PostgreSQL()
    {
        using var first = new PortalFactory();
        var client = first.CreateClient();
        (await HealthTests.ReadyAsync(client)).Status.ShouldBe(HttpStatusCode.OK);

        using var second = new OnTheSameData(first);
        var refusal = Should.Throw<Exception>(() => second.CreateClient());

        var message = string.Join(" | ", Chain(refusal).Select(e => e.Message));
        message.ShouldContain("Another Sozialplattform host is already running on the SQLite database");
        message.ShouldContain(Path.GetFullPath(Path.Combine(first.Folders.Data, "sozialplattform.db")));
        message.ShouldContain("PostgreSQL (docs/DEPLOYMENT.md)");
        (await HealthTests.ReadyAsync(client)).Status.ShouldBe(HttpStatusCode.OK, "the running host goes on working");
    }

    [Fact]
    public async Task A_host_on_the_same_data_starts_once_the_first_host_has_stopped()
    {
        using var folders = new PortalFactory(); // never started: it only owns the data folder both hosts use
        var first = new OnTheSameData(folders);
        (await HealthTests.ReadyAsync(first.CreateClient())).Status.ShouldBe(HttpStatusCode.OK);
        var lockFile = Path.Combine(folders.Folders.Data, "sozialplattform.db.host-lock");
        File.Exists(lockFile).ShouldBeTrue();
        Should.Throw<IOException>(() => new FileStream(lockFile, FileMode.Open, FileAccess.ReadWrite, FileShare.None).Dispose(), "held while the first host runs");

        await first.DisposeAsync();

        using var after = new OnTheSameData(folders);
        (await HealthTests.ReadyAsync(after.CreateClient())).Status.ShouldBe(HttpStatusCode.OK);
    }

    private static IEnumerable<Exception> Chain(Exception error)
    {
        for (Exception? e = error; e is not null; e = e.InnerException)
        {
            yield return e;
            if (e is AggregateException aggregate)
                foreach (var inner in aggregate.InnerExceptions.SelectMany(Chain)) yield return inner;
        }
    }

    /// <summary>A host with its own folders except the data folder, which is the other host's.</summary>
    private sealed class OnTheSameData(PortalFactory other) : PortalFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Sozialplattform:Storage:DataDirectory", other.Folders.Data);
        }
    }
}
