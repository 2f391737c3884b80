namespace Sozialplattform.Designer.Workspace;

/// <summary>A form as the designer's list shows it: id, German title, published versions (oldest first), and whether a draft exists.</summary>
public sealed record FormSummary(string Id, string Title, IReadOnlyList<string> Versions, bool HasDraft)
{
    public string? Latest => Versions.Count > 0 ? Versions[^1] : null;
}
