using Sozialplattform.Storage.Operations;

namespace Sozialplattform.Designer.Usage;

/// <summary>
/// The portal's usage figures as the designer shows them: read from the shared counters when the host has the platform
/// database (none otherwise), each figure below <see cref="MinimumGroupSize"/> withheld.
/// </summary>
public sealed class UsageFigureSource(UsageFigures? figures, int minimumGroupSize)
{
    public bool Available => figures is not null;

    public int MinimumGroupSize { get; } = Math.Max(1, minimumGroupSize);

    public async Task<IReadOnlyList<string>> VersionsAsync(string formId, CancellationToken cancellationToken = default) =>
        figures is null ? [] : [.. (await figures.VersionsAsync(formId, cancellationToken)).OrderByDescending(Sortable)];

    public Task<UsageReport?> ForVersionAsync(string formId, string version, IReadOnlyList<string> pageOrder, CancellationToken cancellationToken = default) =>
        figures is null ? Task.FromResult<UsageReport?>(null) : Report(figures.ForVersionAsync(formId, version, pageOrder, MinimumGroupSize, cancellationToken));

    private static async Task<UsageReport?> Report(Task<UsageReport> report) => await report;

    private static Version Sortable(string version) => System.Version.TryParse(version, out var parsed) ? parsed : new Version(0, 0);
}
