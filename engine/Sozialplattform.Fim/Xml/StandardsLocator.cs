namespace Sozialplattform.Fim.Xml;

/// <summary>
/// Finds the shared standards folder (<c>../shared/standards</c> beside the repository root, the folder that holds
/// Sozialplattform.sln), starting from the working directory and then from the application's folder.
/// </summary>
public static class StandardsLocator
{
    public const string SolutionFile = "Sozialplattform.sln";

    public static string? FindStandards(string workingDirectory)
    {
        foreach (var start in new[] { workingDirectory, AppContext.BaseDirectory })
        {
            if (FindRepositoryRoot(start) is { } root && Existing(Path.Combine(root, "..", "shared", "standards")) is { } standards)
                return standards;
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                if (Existing(Path.Combine(dir.FullName, "shared", "standards")) is { } found) return found;
        }

        return null;
    }

    public static string? FindRepositoryRoot(string start)
    {
        for (var dir = new DirectoryInfo(Path.GetFullPath(start)); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, SolutionFile))) return dir.FullName;
        return null;
    }

    private static string? Existing(string path) => Directory.Exists(path) ? Path.GetFullPath(path) : null;
}
