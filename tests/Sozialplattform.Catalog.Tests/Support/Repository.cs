using Sozialplattform.Catalog;

namespace Sozialplattform.Catalog.Tests.Support;

/// <summary>Paths of the repository the tests run in.</summary>
public static class Repository
{
    public static string Root { get; } = FindRoot();

    public static string CatalogFolder => Path.Combine(Root, "forms-catalog");

    public static CatalogRoot Catalog => CatalogRoot.Open(CatalogFolder);

    public static string TestSource => Path.Combine(Root, "tests", "Sozialplattform.Catalog.Tests");

    private static string FindRoot()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
            if (File.Exists(Path.Combine(d.FullName, "Sozialplattform.sln"))) return d.FullName;
        throw new InvalidOperationException("Sozialplattform.sln not found above " + AppContext.BaseDirectory);
    }
}
