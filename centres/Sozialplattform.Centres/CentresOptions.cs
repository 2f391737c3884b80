using Sozialplattform.Centres.Search;
using Sozialplattform.Centres.Topics;

namespace Sozialplattform.Centres;

/// <summary>
/// The centres' settings for one tenant: its extra topics, the national hotlines shown when nothing is found, and
/// the "Daten bestätigen" timing. Read from <c>forms-catalog/tenants/&lt;tenant&gt;/centres.json</c>.
/// </summary>
public sealed record CentresOptions
{
    public string Tenant { get; init; } = "nrw";
    public IReadOnlyList<Topic> Topics { get; init; } = [];
    public IReadOnlyList<Hotline> Hotlines { get; init; } = [];

    /// <summary>Centres are asked to confirm their data this many months after the last confirmation.</summary>
    public int ReminderAfterMonths { get; init; } = 6;

    /// <summary>Unconfirmed this long: shown with a note.</summary>
    public int NoteAfterMonths { get; init; } = 12;

    /// <summary>Unconfirmed this long: hidden from the finder (and the editorial team is told).</summary>
    public int HideAfterMonths { get; init; } = 15;

    /// <summary>Where the editorial team is told that a centre is hidden for want of confirmation (none: only the log says so).</summary>
    public string? EditorialEmail { get; init; }

    /// <summary>The example directory loaded into an empty directory on first start (empty: none).</summary>
    public string? ExampleFile { get; init; }

    public TopicTaxonomy Taxonomy() => TopicTaxonomy.BuiltIn.With(Topics);
}
