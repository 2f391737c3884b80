namespace Sozialplattform.Benchmarks;

/// <summary>Where the repository is, for benchmarks that read its catalog.</summary>
internal static class BenchmarkPaths
{
    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Sozialplattform.sln"))) return dir.FullName;
        throw new InvalidOperationException("Sozialplattform.sln not found above the benchmark's folder.");
    }
}
