using Sozialplattform.Centres.Geo;
using Sozialplattform.Centres.Records;

namespace Sozialplattform.Centres.Search;

/// <summary>A centre as the public sees it: its published record, where it is, and whether its data is overdue for confirmation.</summary>
public sealed record PublishedCentre(Guid Id, CentreRecord Record, GeoPoint Position, string? State, DateTime? LastConfirmedAt)
{
    /// <summary>Shown with a note that the centre has not confirmed its data for a long time.</summary>
    public bool ConfirmationOverdue { get; init; }
}

/// <summary>Why a centre is in the results, in the order they rank.</summary>
public enum MatchReason
{
    /// <summary>Its catchment names the postal code (or a range containing it).</summary>
    PostalCode,
    /// <summary>Its catchment names the municipality (12-digit ARS) the search named.</summary>
    Municipality,
    /// <summary>Its catchment names the place's Kreis.</summary>
    Kreis,
    /// <summary>Its catchment is the whole state.</summary>
    State,
    /// <summary>It counsels everyone online.</summary>
    Online,
    /// <summary>Not responsible, but within the radius.</summary>
    Nearby,
    /// <summary>No place was given: every centre of the topic.</summary>
    Listed,
    /// <summary>Nothing matched: the nearest centres of the topic anyway.</summary>
    NearestAnyway,
}

/// <summary>One result and its explanation: the reason, the distance, and whether it shares its rank with others (rotated daily).</summary>
public sealed record CentreHit(PublishedCentre Centre, MatchReason Reason, double? DistanceKm, bool SharesRank);

public sealed record Hotline(string? Topic, Texts Name, string Phone)
{
    public Texts Hours { get; init; } = Texts.Empty;
    public string? Website { get; init; }
}

/// <summary>The answer: the resolved place (null without one), a page of hits, the total, and for an empty search the nearest centres plus hotlines.</summary>
public sealed record CentreSearchResult(Geo.PostalCodePlace? Place, IReadOnlyList<CentreHit> Hits, int Total, int Page, int PageSize)
{
    public bool PlaceUnknown { get; init; }
    public bool NothingFound { get; init; }
    public IReadOnlyList<CentreHit> Nearest { get; init; } = [];
    public IReadOnlyList<Hotline> Hotlines { get; init; } = [];
}
