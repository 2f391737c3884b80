using Sozialplattform.Centres.Records;

namespace Sozialplattform.Centres.Search;

/// <summary>
/// What a seeker asks the finder (the same parameters for the page and the API): a place (postal code or place
/// name), a topic (its sub-topics included), filters, and the radius for centres that are not responsible.
/// </summary>
public sealed record CentreQuery
{
    public const double DefaultRadiusKm = 50;
    public const int MaxPageSize = 50;

    public string? Place { get; init; }

    /// <summary>
    /// The municipality of the place as a 12-digit ARS (a portal or website that knows it, e.g. from its own address
    /// lookup): makes centres responsible for that municipality responsible here. Ignored when it does not lie in the place's Kreis.
    /// </summary>
    public string? Ars { get; init; }

    /// <summary>The seeker's own position ("my location", from the browser); used when no <see cref="Place"/> is given, resolved to the nearest postal code.</summary>
    public Geo.GeoPoint? Position { get; init; }
    public string? Topic { get; init; }
    public string? Language { get; init; }
    public CounsellingWay? Way { get; init; }
    public bool StepFree { get; init; }
    public bool AccessibleToilet { get; init; }
    public bool SignLanguage { get; init; }
    public bool EasyLanguage { get; init; }
    public double RadiusKm { get; init; } = DefaultRadiusKm;
    public int Page { get; init; } = 1;
    public int PageSize { get; init; } = 20;

    internal bool Accepts(PublishedCentre centre)
    {
        var record = centre.Record;
        if (Language is { Length: > 0 } language && !record.Languages.Contains(language)) return false;
        if (Way is { } way && !record.Ways.Contains(way)) return false;
        var access = record.Accessibility;
        return (!StepFree || access.StepFree) && (!AccessibleToilet || access.AccessibleToilet)
            && (!SignLanguage || access.SignLanguage) && (!EasyLanguage || access.EasyLanguage);
    }
}
