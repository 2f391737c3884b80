using System.IO.Compression;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Sozialplattform.Cli;
using Sozialplattform.Delivery.Tests.Infrastructure;
using Sozialplattform.Storage.Database;
using Sozialplattform.Storage.Submissions;

namespace Sozialplattform.Delivery.Tests.Storage;

/// <summary><c>sozial case archive</c>: writes the case's archive package, audited with the operator; an unknown case, an existing file and a missing tenant are refused.</summary>
public sealed class CaseArchiveCommandTests : IDisposable
{
    private readonly string _data = Directory.CreateTempSubdirectory("sozial-cli-").FullName;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_data, recursive: true);
    }

    private (int Exit, string Out, string Error) Run(params string[] args)
    {
        var (output, error) = (new StringWriter(), new StringWriter());
        var exit = CliApp.Run([.. args, "--data", _data], output, error, RepositoryPaths.Root);
        return (exit, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task Case_archive_writes_the_package_once_and_refuses_an_unknown_case_an_existing_file_and_a_missing_tenant()
    {
        var database = await SozialDatabase.OpenAsync(new StorageOptions { DataDirectory = _data });
        await Samples.AddAuthoritiesAsync(database, Samples.Authority("jobcenter-inbox", "inbox"));
        var reference = (await new SubmissionStore(database).AcceptAsync(Samples.Submission("cli-archive"), [new Destination("jobcenter-inbox", "")])).Submission.ReferenceNumber;

        var target = Path.Combine(_data, "paket.zip");
        var (exit, output, error) = Run("case", "archive", reference.ToLowerInvariant(), "--tenant", Samples.Tenant, "--out", target, "--by", "Betrieb NRW");

        (exit, error).ShouldBe((0, ""));
        output.Trim().ShouldBe($"{reference}: {target}");
        using (var zip = ZipFile.OpenRead(target))
        {
            zip.Entries.Select(e => e.FullName).ShouldContain("manifest.json");
            zip.Entries.Select(e => e.FullName).ShouldContain($"antrag/{reference}.pdf");
        }

        Run("case", "archive", reference, "--tenant", Samples.Tenant, "--out", target).Exit.ShouldBe(1, "an existing file is not overwritten");
        Run("case", "archive", "SP-2026-AAAA-BBBB", "--tenant", Samples.Tenant, "--out", Path.Combine(_data, "x.zip")).Exit.ShouldBe(1);
        Run("case", "archive", reference, "--tenant", "anderer-mandant", "--out", Path.Combine(_data, "y.zip")).Exit.ShouldBe(1, "another tenant's case is not found");
        Run("case", "archive", reference, "--out", Path.Combine(_data, "z.zip")).Exit.ShouldBe(2);
        await using var context = database.CreateContext();
        (await context.AuditLog.Where(a => a.Action == "case.archive").Select(a => a.Actor).ToListAsync()).ShouldBe(["cli:Betrieb NRW"]);
    }
}
