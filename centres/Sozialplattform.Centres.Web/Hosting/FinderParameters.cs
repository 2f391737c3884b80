using System.Globalization;
using Microsoft.AspNetCore.Http;
using Sozialplattform.Centres.Records;
using Sozialplattform.Centres.Search;

namespace Sozialplattform.Centres.Web.Hosting;

/// <summary>
/// The finder's URL parameters, the same for the page and the API: <c>ort</c> (postal code or place), <c>thema</c>,
/// <c>sprache</c>, <c>weg</c>, <c>stufenlos</c>, <c>wc</c>, <c>gebaerdensprache</c>, <c>leichte-sprache</c>, <c>umkreis</c> (km),
/// <c>seite</c>, <c>pro-seite</c>; <c>ars</c> (the place's municipality as a 12-digit ARS, for municipality catchments); <c>standort</c> ("my location": <c>50.94,6.95</c>, used when <c>ort</c> is empty). Unusable values are ignored (the search stays as wide as without them).
/// </summary>
public static class FinderParameters
{
    public static CentreQuery Read(IQueryCollection query)
    {
        string? Get(string name) => query[name].FirstOrDefault()?.Trim() is { Length: > 0 and <= 100 } value ? value : null;
        int Number(string name, int fallback) => int.TryParse(Get(name), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : fallback;
        return new CentreQuery
        {
            Place = Get("ort"),
            Ars = Get("ars") is { Length: 12 } ars && ars.All(char.IsAsciiDigit) ? ars : null,
            Position = Position(Get("standort")),
            Topic = Get("thema"),
            Language = Get("sprache") is { Length: 2 } language ? language.ToLowerInvariant() : null,
            Way = Enum.TryParse<CounsellingWay>(Get("weg"), ignoreCase: true, out var way) && Enum.IsDefined(way) ? way : null,
            StepFree = Get("stufenlos") is not null,
            AccessibleToilet = Get("wc") is not null,
            SignLanguage = Get("gebaerdensprache") is not null,
            EasyLanguage = Get("leichte-sprache") is not null,
            RadiusKm = Math.Clamp(Number("umkreis", (int)CentreQuery.DefaultRadiusKm), 1, 500),
            Page = Math.Max(1, Number("seite", 1)),
            PageSize = Math.Clamp(Number("pro-seite", 20), 1, CentreQuery.MaxPageSize),
        };
    }

    /// <summary>"latitude,longitude" in degrees; anything else (or an impossible position) is no position.</summary>
    private static Geo.GeoPoint? Position(string? value)
    {
        var parts = value?.Split(',') ?? [];
        return parts.Length == 2
               && double.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var latitude) && latitude is >= -90 and <= 90
               && double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var longitude) && longitude is >= -180 and <= 180
            ? new Geo.GeoPoint(latitude, longitude) : null;
    }
}
