namespace Sozialplattform.Designer.TestHost.Testing;

/// <summary>Paths of the repository the tests run in.</summary>
public static class Repository
{
    public static string Root { get; } = FindRoot();

    public static string Catalog => Path.Combine(Root, "forms-catalog");

    public static string Samples => Path.Combine(Root, "samples");

    public static IEnumerable<string> CatalogForms() =>
        Directory.GetFiles(Path.Combine(Catalog, "forms"), "form.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal);

    private static string FindRoot()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
            if (File.Exists(Path.Combine(d.FullName, "Sozialplattform.sln"))) return d.FullName;
        throw new InvalidOperationException("Sozialplattform.sln not found above " + AppContext.BaseDirectory);
    }
}
