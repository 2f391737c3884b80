using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Sozialplattform.Cli;
using Sozialplattform.Delivery.Tests.Infrastructure;

namespace Sozialplattform.Delivery.Tests.Storage;

/// <summary><c>sozial api-client add|list|revoke</c> on a real SQLite data folder with the shipped tenants.</summary>
public sealed class ApiClientCommandTests : IDisposable
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
    public void A_client_is_added_with_its_secret_shown_once_listed_without_it_and_revoked()
    {
        var added = Run("api-client", "add", "--authority", "jobcenter-kreis-borken", "--tenant", "nrw", "--scopes", "cases.read,cases.acknowledge");

        added.Exit.ShouldBe(0, added.Error);
        var clientId = Regex.Match(added.Out, @"client id:\s+(\S+)").Groups[1].Value;
        var secret = Regex.Match(added.Out, @"client secret:\s+(\S+)").Groups[1].Value;
        clientId.ShouldStartWith("fv-jobcenter-kreis-borken-");
        secret.Length.ShouldBeGreaterThanOrEqualTo(40);
        var listed = Run("api-client", "list");
        listed.Out.ShouldContain($"{clientId}\tnrw/jobcenter-kreis-borken\tcases.acknowledge cases.read");
        listed.Out.ShouldNotContain(secret);
        Directory.EnumerateFiles(_data, "*", SearchOption.AllDirectories).ShouldAllBe(f => !File.ReadAllText(f).Contains(secret), "only a hash is stored");

        Run("api-client", "revoke", clientId).Exit.ShouldBe(0);
        Run("api-client", "list").Out.ShouldContain("no clients");
        Run("api-client", "revoke", clientId).Exit.ShouldBe(1);
    }

    [Fact]
    public void An_unknown_authority_or_scope_is_refused_and_adds_nothing()
    {
        var unknown = Run("api-client", "add", "--authority", "gibt-es-nicht", "--tenant", "nrw");
        (unknown.Exit, unknown.Error.Trim()).ShouldBe((1, "sozial api-client add: there is no authority 'gibt-es-nicht' in tenant 'nrw'"));
        Run("api-client", "add", "--authority", "jobcenter-kreis-borken", "--scopes", "cases.alles").Error.ShouldContain("unknown scope 'cases.alles'");
        Run("api-client", "add").Exit.ShouldBe(2);
        Run("api-client", "list").Out.ShouldContain("no clients");
    }
}
