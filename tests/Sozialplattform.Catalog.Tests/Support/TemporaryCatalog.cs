using System.Text.Json.Nodes;
using Sozialplattform.Catalog;

namespace Sozialplattform.Catalog.Tests.Support;

/// <summary>A catalog in a temporary folder, removed after the test: empty, or a copy of parts of the services catalog.</summary>
public sealed class TemporaryCatalog : IDisposable
{
    public TemporaryCatalog()
    {
        Folder = Path.Combine(Path.GetTempPath(), "sozial-catalog-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Folder);
        File.Copy(Path.Combine(Repository.CatalogFolder, CatalogRoot.MarkerFile), Path.Combine(Folder, CatalogRoot.MarkerFile));
    }

    public string Folder { get; }

    public CatalogRoot Root => CatalogRoot.Open(Folder);

    /// <summary>Copies a folder or file of the services catalog (relative path, e.g. "blocks" or "forms/avgs").</summary>
    public TemporaryCatalog CopyFromServices(string relativePath)
    {
        var source = Path.Combine(Repository.CatalogFolder, relativePath);
        var target = Path.Combine(Folder, relativePath);
        if (File.Exists(source))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(source, target);
            return this;
        }
        foreach (var file in Directory.GetFiles(source, "*", SearchOption.AllDirectories))
        {
            var destination = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination);
        }
        return this;
    }

    public void Write(string relativePath, string content)
    {
        var path = Path.Combine(Folder, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
    }

    public void Write(string relativePath, JsonNode content) => Write(relativePath, content.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }));

    public string Read(string relativePath) => File.ReadAllText(Path.Combine(Folder, relativePath));

    public bool Exists(string relativePath) => File.Exists(Path.Combine(Folder, relativePath));

    /// <summary>Every file below the catalog folder, relative, with '/' separators.</summary>
    public IReadOnlyList<string> Files() =>
        Directory.GetFiles(Folder, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(Folder, f).Replace('\\', '/')).Order(StringComparer.Ordinal).ToList();

    public void Dispose()
    {
        try { Directory.Delete(Folder, recursive: true); }
        catch (IOException) { }
    }
}
