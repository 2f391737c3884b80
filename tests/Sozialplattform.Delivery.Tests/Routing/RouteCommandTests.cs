using Sozialplattform.Cli;
using Sozialplattform.Delivery.Tests.Infrastructure;
using Sozialplattform.Storage.Database;
using Sozialplattform.Storage.Operations;

namespace Sozialplattform.Delivery.Tests.Routing;

public sealed class RouteCommandTests : IDisposable
{
    private readonly string _data = Directory.CreateTempSubdirectory("sozial-cli-").FullName;

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_data, recursive: true);
    }

    private (int Exit, string Out, string Error) Run(params string[] args)
    {
        var (output, error) = (new StringWriter(), new StringWriter());
        var exit = CliApp.Run([.. args, "--data", _data], output, error, RepositoryPaths.Root);
        return (exit, output.ToString(), error.ToString());
    }

    [Theory]
    [InlineData("route")]
    [InlineData("geo import")]
    [InlineData("tenants check")]
    [InlineData("outbox")]
    [InlineData("outbox retry")]
    public void Every_delivery_command_explains_itself_with_help(string command)
    {
        var (output, error) = (new StringWriter(), new StringWriter());
        CliApp.Run([.. command.Split(' '), "--help"], output, error, RepositoryPaths.Root).ShouldBe(0);
        output.ToString().ShouldContain($"Usage: sozial {command}");
        output.ToString().ShouldContain("Exit codes");
    }

    [SkippableFact]
    public void Route_prints_the_authority_of_a_postal_code_from_the_geo_data()
    {
        RepositoryPaths.RequireShared("data", "geo", "zipcodes.de.csv");
        var (exit, output, _) = Run("route", "buergergeld", "46325", "--tenant", "nrw");
        exit.ShouldBe(0);
        output.ShouldContain("jobcenter  Jobcenter Kreis Borken [jobcenter-kreis-borken], channel inbox, by ARS 05554");
    }

    [SkippableFact]
    public void Route_takes_an_answer_for_the_tenants_answer_rules_and_names_the_Gemeinde()
    {
        RepositoryPaths.RequireShared("data", "geo", "zipcodes.de.csv");
        var (exit, output, _) = Run("route", "bildung-und-teilhabe", "46395", "--tenant", "nrw", "--answer", "leistungsbezug=asylblg");
        exit.ShouldBe(0);
        output.ShouldContain("nrw: bildung-und-teilhabe at 46395, Gemeinde 055540008008, Kreis 05554");
        output.ShouldContain("Stadt Bocholt – Fachbereich Soziales [soziales-bocholt]");
    }

    [Fact]
    public void Route_without_geo_data_says_so_and_still_uses_postal_code_ranges()
    {
        var (exit, output, error) = Run("route", "buergergeld", "34119", "--geo", "missing.csv");
        exit.ShouldBe(0);
        error.ShouldContain("note: no postal-code data at missing.csv; postal codes resolve only through ranges in the tenant configuration");
        output.ShouldContain("jobcenter-stadt-kassel");
    }

    [Fact]
    public void Route_to_nowhere_exits_1_with_the_reason()
    {
        var (exit, _, error) = Run("route", "buergergeld", "99999", "--tenant", "hessen-beispiel", "--geo", "missing.csv");
        exit.ShouldBe(1);
        error.ShouldContain("hessen-beispiel: no authority with role 'jobcenter' for postal code 99999");
    }

    [Fact]
    public async Task A_designer_edit_in_the_given_database_replaces_the_tenant_files_routing_and_the_answer_says_so()
    {
        string[] route = ["route", "buergergeld", "34119", "--tenant", "hessen-beispiel", "--geo", "missing.csv"];
        var before = Run(route);
        before.Out.ShouldContain("[jobcenter-stadt-kassel]");
        before.Out.ShouldContain("routing from the tenant file forms-catalog/tenants/hessen-beispiel/routing.json");
        before.Out.ShouldNotContain("designer edits not considered");

        await SaveEditAsync(_data, "hessen-beispiel", "buergergeld", "sozialamt", "redaktion-kassel");
        var after = Run(route);

        after.Exit.ShouldBe(0);
        after.Out.ShouldContain("sozialamt  Sozialamt");
        after.Out.ShouldContain("[sozialamt-stadt-kassel]");
        after.Out.ShouldNotContain("[jobcenter-stadt-kassel]");
        after.Out.ShouldMatch(@"routing from designer edit rev 1 of buergergeld by redaktion-kassel at \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC");
    }

    [Fact]
    public async Task Without_a_database_option_designer_edits_are_not_considered_and_the_command_says_so()
    {
        // The default data folder (data/ below the working directory) holds an edit: without --data it is not read.
        using var folder = new Folder();
        await SaveEditAsync(Path.Combine(folder.Path, "data"), "hessen-beispiel", "buergergeld", "sozialamt", "redaktion-kassel");
        var (output, error) = (new StringWriter(), new StringWriter());

        var exit = CliApp.Run(["route", "buergergeld", "34119", "--tenant", "hessen-beispiel", "--geo", "missing.csv", "--tenants", RepositoryPaths.Tenants],
            output, error, folder.Path);

        exit.ShouldBe(0);
        output.ToString().ShouldContain("[jobcenter-stadt-kassel]");
        output.ToString().ShouldContain("(designer edits not considered)");
        error.ToString().ShouldContain("note: designer routing edits are not considered: give the portal's database with --data <dir> or --postgres <conn>");
    }

    [Theory]
    [InlineData("--postgres", "Host=127.0.0.1;Port=1;Database=sozial;Username=sozial;Password=geheim-4711;Timeout=5")]
    [InlineData("--postgres", "das ist keine Verbindung")]
    [InlineData("--data", "a-file")]
    public void An_unusable_database_option_is_a_clear_error_with_exit_2(string option, string value)
    {
        using var folder = new Folder();
        File.WriteAllText(Path.Combine(folder.Path, "a-file"), "not a folder");
        var (output, error) = (new StringWriter(), new StringWriter());

        var exit = CliApp.Run(["route", "buergergeld", "34119", "--tenants", RepositoryPaths.Tenants, "--geo", "missing.csv", option, value], output, error, folder.Path);

        exit.ShouldBe(2);
        error.ToString().ShouldContain($"sozial route: the database given with {option} cannot be used: ");
        error.ToString().ShouldNotContain("geheim-4711");
        error.ToString().ShouldNotContain("   at ");
        output.ToString().ShouldBeEmpty();
    }

    private static async Task SaveEditAsync(string dataFolder, string tenant, string service, string role, string by)
    {
        var platform = await SozialDatabase.OpenAsync(new StorageOptions { DataDirectory = dataFolder });
        var edits = new TenantRoutingEdits(await OperationsDatabase.OpenAsync(platform));
        (await edits.TrySaveAsync(new TenantRoutingEditRow { TenantId = tenant, Service = service, Role = role, SavedBy = by, SavedAt = DateTime.UtcNow }, 0)).ShouldBeTrue();
    }

    [Fact]
    public void Outbox_lists_counts_and_retry_refuses_an_unknown_id()
    {
        Run("outbox").Out.ShouldStartWith("pending 0, delivering 0, delivered 0, dead 0");
        var (exit, _, error) = Run("outbox", "retry", "6c1a1f4e-2d5b-4c7e-9a41-3f0d2b8e5a17");
        exit.ShouldBe(1);
        error.ShouldContain("no such delivery");
    }

    /// <summary>A working directory of its own (its data/ is the command's default data folder); deleted afterwards.</summary>
    private sealed class Folder : IDisposable
    {
        public string Path { get; } = Directory.CreateTempSubdirectory("sozial-route-").FullName;

        public void Dispose()
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(Path, recursive: true);
        }
    }
}
