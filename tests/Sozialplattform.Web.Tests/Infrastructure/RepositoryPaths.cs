using Sozialplattform.Catalog;

namespace Sozialplattform.Web.Tests.Infrastructure;

/// <summary>The repository root (the folder with Sozialplattform.sln) and the shared reference folder beside it.</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string Samples => Path.Combine(Root, "samples");

    public static string FormsCatalog => Path.Combine(Root, "forms-catalog");

    /// <summary>The folder of the newest version of a form of the services catalog: the version the portal offers to new applicants.</summary>
    public static string LatestForm(string formId)
    {
        var form = CatalogRoot.Open(FormsCatalog).ResolveForm(formId, null);
        return Path.Combine(FormsCatalog, "forms", form.Id, form.Version);
    }

    public static string PostalCodeCsv => Path.GetFullPath(Path.Combine(Root, "..", "shared", "data", "geo", "zipcodes.de.csv"));

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Sozialplattform.sln"))) return dir.FullName;
        throw new InvalidOperationException($"No Sozialplattform.sln above {AppContext.BaseDirectory}.");
    }
}
