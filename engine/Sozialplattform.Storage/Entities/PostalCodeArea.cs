namespace Sozialplattform.Storage.Entities;

/// <summary>
/// One postal code in one Kreis, imported from a GeoNames-shaped CSV. A postal code may lie in several
/// Kreise; <see cref="PlaceCount"/> (places of that code in that Kreis) decides which is the usual one.
/// </summary>
public sealed class PostalCodeArea
{
    public required string PostalCode { get; set; }
    public required string Kreisschluessel { get; set; }
    public required string KreisName { get; set; }
    public required string Places { get; set; }
    public int PlaceCount { get; set; }

    /// <summary>The mean position of the code's places in this Kreis (WGS 84); null when the data has none.</summary>
    public double? Latitude { get; set; }

    public double? Longitude { get; set; }
}
