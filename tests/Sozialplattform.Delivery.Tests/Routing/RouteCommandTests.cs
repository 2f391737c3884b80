using Sozialplattform.Cli;
using Sozialplattform.Delivery.Tests.Infrastructure;

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
    public void Outbox_lists_counts_and_retry_refuses_an_unknown_id()
    {
        Run("outbox").Out.ShouldStartWith("pending 0, delivering 0, delivered 0, dead 0");
        var (exit, _, error) = Run("outbox", "retry", "6c1a1f4e-2d5b-4c7e-9a41-3f0d2b8e5a17");
        exit.ShouldBe(1);
        error.ShouldContain("no such delivery");
    }
}
