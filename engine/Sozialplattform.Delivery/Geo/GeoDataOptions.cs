namespace Sozialplattform.Delivery.Geo;

/// <summary>
/// Where the postal-code data comes from. The file is read at start (and by <c>sozial geo import</c>);
/// it is never copied into the repository. Data: GeoNames (geonames.org), CC BY 4.0.
/// </summary>
public sealed record GeoDataOptions
{
    public const string DefaultCsvPath = "../shared/data/geo/zipcodes.de.csv";

    /// <summary>Path of the CSV; relative paths are taken from the host's working directory. Empty: no geo data.</summary>
    public string? CsvPath { get; init; } = DefaultCsvPath;
}
