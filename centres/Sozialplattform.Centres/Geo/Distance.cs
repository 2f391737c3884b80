namespace Sozialplattform.Centres.Geo;

/// <summary>
/// Distances on the WGS 84 ellipsoid (Vincenty's inverse formula): a sphere is up to 0.5 % off, which is more than
/// the 100 m the finder promises over a few hundred kilometres.
/// </summary>
public static class Distance
{
    private const double A = 6378137.0;
    private const double F = 1 / 298.257223563;
    private const double B = A * (1 - F);

    public static double Kilometres(GeoPoint from, GeoPoint to) => Metres(from, to) / 1000;

    public static double Metres(GeoPoint from, GeoPoint to)
    {
        if (from == to) return 0;
        var l = Radians(to.Longitude - from.Longitude);
        var u1 = Math.Atan((1 - F) * Math.Tan(Radians(from.Latitude)));
        var u2 = Math.Atan((1 - F) * Math.Tan(Radians(to.Latitude)));
        var (sinU1, cosU1, sinU2, cosU2) = (Math.Sin(u1), Math.Cos(u1), Math.Sin(u2), Math.Cos(u2));
        double lambda = l, sinSigma, cosSigma, sigma, cosSqAlpha, cos2SigmaM;
        for (var iteration = 0; ; iteration++)
        {
            var (sinLambda, cosLambda) = (Math.Sin(lambda), Math.Cos(lambda));
            sinSigma = Math.Sqrt(Math.Pow(cosU2 * sinLambda, 2) + Math.Pow(cosU1 * sinU2 - sinU1 * cosU2 * cosLambda, 2));
            if (sinSigma == 0) return 0;
            cosSigma = sinU1 * sinU2 + cosU1 * cosU2 * cosLambda;
            sigma = Math.Atan2(sinSigma, cosSigma);
            var sinAlpha = cosU1 * cosU2 * sinLambda / sinSigma;
            cosSqAlpha = 1 - sinAlpha * sinAlpha;
            cos2SigmaM = cosSqAlpha == 0 ? 0 : cosSigma - 2 * sinU1 * sinU2 / cosSqAlpha;
            var c = F / 16 * cosSqAlpha * (4 + F * (4 - 3 * cosSqAlpha));
            var previous = lambda;
            lambda = l + (1 - c) * F * sinAlpha * (sigma + c * sinSigma * (cos2SigmaM + c * cosSigma * (-1 + 2 * cos2SigmaM * cos2SigmaM)));
            // Converges in a few steps for any two points in Germany; near-antipodal points (never here) stop at the limit.
            if (Math.Abs(lambda - previous) < 1e-12 || iteration > 100) break;
        }

        var uSq = cosSqAlpha * (A * A - B * B) / (B * B);
        var bigA = 1 + uSq / 16384 * (4096 + uSq * (-768 + uSq * (320 - 175 * uSq)));
        var bigB = uSq / 1024 * (256 + uSq * (-128 + uSq * (74 - 47 * uSq)));
        var deltaSigma = bigB * sinSigma * (cos2SigmaM + bigB / 4 * (cosSigma * (-1 + 2 * cos2SigmaM * cos2SigmaM)
            - bigB / 6 * cos2SigmaM * (-3 + 4 * sinSigma * sinSigma) * (-3 + 4 * cos2SigmaM * cos2SigmaM)));
        return B * bigA * (sigma - deltaSigma);
    }

    /// <summary>Degrees of latitude and longitude that certainly contain a circle of <paramref name="km"/> around <paramref name="centre"/> (for a cheap first filter).</summary>
    public static (double Latitude, double Longitude) BoxHalfSize(GeoPoint centre, double km)
    {
        var latitude = km / 110.5 + 0.01;
        var longitude = km / (111.3 * Math.Cos(Radians(Math.Min(Math.Abs(centre.Latitude) + latitude, 89)))) + 0.01;
        return (latitude, longitude);
    }

    private static double Radians(double degrees) => degrees * Math.PI / 180;
}
