using Sozialplattform.Fim.Xml;

namespace Sozialplattform.Fim.Tests.Support;

/// <summary>The repository root (folder with Sozialplattform.sln) and the shared standards beside it.</summary>
public static class TestPaths
{
    public static string RepositoryRoot { get; } =
        StandardsLocator.FindRepositoryRoot(AppContext.BaseDirectory) ?? throw new InvalidOperationException("Sozialplattform.sln not found above the test binaries");

    /// <summary><c>../shared/standards</c> relative to the repository root (may not exist).</summary>
    public static string Standards { get; } = Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared", "standards"));

    public static string Schemas => Path.Combine(RepositoryRoot, "schemas");

    public static string ApprovedDirectory => Path.Combine(RepositoryRoot, "tests", "Sozialplattform.Fim.Tests", "Approved");

    public static string Standard(string relative) => Path.Combine(Standards, relative);

    /// <summary>Skips the test with a clear message when the shared standards folder (or a subfolder) is absent.</summary>
    public static string RequireStandard(string relative = "")
    {
        var path = Standard(relative);
        Skip.IfNot(Directory.Exists(path) || File.Exists(path), $"shared standards not found at {path}: the FIM tests need ../shared/standards beside the repository");
        return path;
    }
}
