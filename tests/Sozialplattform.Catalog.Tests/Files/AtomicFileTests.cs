using Shouldly;
using Sozialplattform.Catalog;
using Xunit;

namespace Sozialplattform.Catalog.Tests.Files;

/// <summary>
/// <see cref="AtomicFile.CreateNew"/> is how insert-only files (published versions, numbered samples, code lists) are
/// written without a database: of writers racing for one name exactly one wins, and no temporary file is left behind.
/// </summary>
public sealed class AtomicFileTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("atomic-file-").FullName;

    [Fact]
    public void Of_sixteen_writers_racing_for_one_name_exactly_one_wins_and_its_content_stays()
    {
        for (var round = 0; round < 20; round++)
        {
            var path = Path.Combine(_folder, $"{round:D6}-valid.json");
            var winners = Enumerable.Range(0, 16).AsParallel().WithDegreeOfParallelism(16)
                .Select(writer => (Writer: writer, Won: AtomicFile.CreateNew(path, System.Text.Encoding.UTF8.GetBytes($"writer {writer}"))))
                .Where(result => result.Won).ToList();

            winners.Count.ShouldBe(1, $"round {round}");
            File.ReadAllText(path).ShouldBe($"writer {winners[0].Writer}");
        }

        Directory.GetFiles(_folder).Length.ShouldBe(20, "one file per name, no temporary file left");
    }

    [Fact]
    public void A_name_that_is_taken_is_refused_and_the_file_is_unchanged()
    {
        var path = Path.Combine(_folder, "1.0.0.json");

        AtomicFile.CreateNew(path, "erste"u8).ShouldBeTrue();
        AtomicFile.CreateNew(path, "zweite"u8).ShouldBeFalse();

        File.ReadAllText(path).ShouldBe("erste");
        Directory.GetFiles(_folder).ShouldHaveSingleItem();
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
