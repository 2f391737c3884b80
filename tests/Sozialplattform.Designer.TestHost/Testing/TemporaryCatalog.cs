namespace Sozialplattform.Designer.TestHost.Testing;

/// <summary>A copy of the service catalog (and a draft folder) in a temporary folder, deleted afterwards.</summary>
public sealed class TemporaryCatalog : IDisposable
{
    public TemporaryCatalog(string? source = null)
    {
        Root = Path.Combine(Path.GetTempPath(), "sozial-designer-" + Guid.NewGuid().ToString("N"));
        Copy(source ?? Repository.Catalog, Catalog);
        Directory.CreateDirectory(Drafts);
    }

    public string Root { get; }

    public string Catalog => Path.Combine(Root, "catalog");

    public string Drafts => Path.Combine(Root, "drafts");

    public string FormFile(string id, string version) => Path.Combine(Catalog, "forms", id, version, "form.json");

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A file still open by a finishing host; the temp folder is cleaned by the system.
        }
    }

    private static void Copy(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from)) File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        foreach (var directory in Directory.GetDirectories(from)) Copy(directory, Path.Combine(to, Path.GetFileName(directory)));
    }
}
