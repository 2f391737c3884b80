namespace Sozialplattform.Centres.Geo;

/// <summary>A position in WGS 84 degrees.</summary>
public readonly record struct GeoPoint(double Latitude, double Longitude)
{
    /// <summary>A generous box around Germany (mainland and islands); positions outside are refused.</summary>
    public bool InGermany => Latitude is >= 47.2 and <= 55.1 && Longitude is >= 5.8 and <= 15.1;
}
