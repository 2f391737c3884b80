using Microsoft.Data.Sqlite;
using Sozialplattform.Cli;
using Sozialplattform.Cli.Commands;
using Sozialplattform.Storage.Database;
using Sozialplattform.Storage.Operations;

namespace Sozialplattform.Delivery.Tests.Storage;

/// <summary><c>sozial codelist import</c> writes the designer's row of the catalog's shared home (SQLite in <c>--data</c>); a bad file or a taken name changes nothing.</summary>
public sealed class CodeListImportCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("sozial-codelist-").FullName;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    private static string Catalog => Path.Combine(Sozialplattform.Fim.Xml.StandardsLocator.FindRepositoryRoot(AppContext.BaseDirectory)!, "forms-catalog");

    private (int Exit, string Out, string Error) Run(params string[] args)
    {
        var (output, error) = (new StringWriter(), new StringWriter());
        var exit = new CodeListImportCommand().Run(new CliContext(output, error, _folder), [.. args, "--catalog", Catalog, "--data", Path.Combine(_folder, "data")]);
        return (exit, output.ToString(), error.ToString());
    }

    private async Task<SharedCatalog> SharedAsync() =>
        new(await OperationsDatabase.OpenAsync(await SozialDatabase.OpenAsync(new StorageOptions { DataDirectory = Path.Combine(_folder, "data") })));

    [Fact]
    public async Task A_csv_becomes_a_row_of_the_shared_home_and_a_second_import_under_the_name_is_refused()
    {
        File.WriteAllText(Path.Combine(_folder, "w.csv"), "code;label\nmiete;Miete\n");

        var (exit, output, error) = Run("w.csv", "--id", "wohnart-cli");

        exit.ShouldBe(0, error);
        output.ShouldContain("wohnart-cli@1.0.0: imported into the shared home");
        (await SharedAsync()).CatalogFile("codelists/wohnart-cli/1.0.0.json").ShouldNotBeNull();
        var again = Run("w.csv", "--id", "wohnart-cli", "--version", "1.0.0");
        again.Exit.ShouldBe(1);
        again.Error.ShouldContain("gibt es schon");
    }

    [Fact]
    public async Task A_bad_file_is_refused_with_file_and_line_and_nothing_is_stored()
    {
        File.WriteAllText(Path.Combine(_folder, "d.csv"), "code;label\na;A\na;B\n");

        var (exit, _, error) = Run("d.csv", "--id", "doppelt");

        exit.ShouldBe(1);
        error.ShouldContain("d.csv, Zeile 3: Der Code „a“ kommt doppelt vor (zuerst in Zeile 2).");
        (await SharedAsync()).CatalogFilePaths("codelists/").ShouldBeEmpty();
    }
}
