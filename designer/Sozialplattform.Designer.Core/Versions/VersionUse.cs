namespace Sozialplattform.Designer.Versions;

/// <summary>How many saved drafts and accepted submissions name one version of a form.</summary>
public sealed record VersionUse(string Version, int Drafts, int Submissions);

/// <summary>Which versions of a form running applications use (so that an author sees what a new version affects).</summary>
public interface IVersionUsage
{
    Task<IReadOnlyList<VersionUse>> ForFormAsync(string formId, CancellationToken cancellationToken = default);
}
