namespace Sozialplattform.Delivery.Tests.Infrastructure;

/// <summary>Finds the repository root (the folder with Sozialplattform.sln) and the shared reference folder beside it.</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string Shared => Path.GetFullPath(Path.Combine(Root, "..", "shared"));

    public static string PostalCodeCsv => Path.Combine(Shared, "data", "geo", "zipcodes.de.csv");

    public static string Tenants => Path.Combine(Root, "forms-catalog", "tenants");

    /// <summary>Skips the test with a clear message when ../shared is absent (e.g. a clone without the reference material).</summary>
    public static string RequireShared(params string[] relative)
    {
        var path = Path.Combine([Shared, .. relative]);
        Skip.IfNot(Directory.Exists(Shared), $"The reference folder {Shared} is absent; this test reads {Path.Combine(relative)} from it.");
        return path;
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Sozialplattform.sln"))) return dir.FullName;
        throw new InvalidOperationException($"No Sozialplattform.sln above {AppContext.BaseDirectory}.");
    }
}
