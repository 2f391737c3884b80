using Sozialplattform.Storage.Entities;

namespace Sozialplattform.Delivery.Geo;

/// <summary>
/// Reads a GeoNames-shaped postal-code CSV (columns <c>zipcode</c>, <c>place</c>, <c>community</c>,
/// <c>community_code</c>, optional <c>latitude</c>/<c>longitude</c>; others ignored) into one row per postal code and
/// Kreis, positioned at the mean of its places. Rows without a
/// Kreisschlüssel are skipped and counted; any malformed row is an error naming file and line.
/// </summary>
public static class PostalCodeCsv
{
    private static readonly string[] RequiredColumns = ["zipcode", "place", "community", "community_code"];

    public static PostalCodeCsvResult Read(string path)
    {
        var file = Path.GetFileName(path);
        var errors = new List<string>();
        var skipped = new List<int>();
        var areas = new Dictionary<(string, string), (string Kreis, List<string> Places, List<(double Lat, double Lon)> Points)>();
        using var reader = new StreamReader(path);
        var header = CsvLine.Split(reader.ReadLine() ?? "");
        var column = RequiredColumns.ToDictionary(c => c, c => header.IndexOf(c));
        foreach (var missing in column.Where(c => c.Value < 0))
            errors.Add($"{file}: line 1: column '{missing.Key}' is missing (the header must name {string.Join(", ", RequiredColumns)})");
        if (errors.Count > 0) return new PostalCodeCsvResult([], errors, skipped, 0);
        var (latitudeColumn, longitudeColumn) = (header.IndexOf("latitude"), header.IndexOf("longitude"));

        var lineNumber = 1;
        var rows = 0;
        for (var line = reader.ReadLine(); line is not null; line = reader.ReadLine())
        {
            lineNumber++;
            if (line.Length == 0) continue;
            var fields = CsvLine.Split(line);
            if (fields.Count != header.Count)
            {
                errors.Add($"{file}: line {lineNumber}: {fields.Count} fields, the header has {header.Count}");
                continue;
            }

            rows++;
            var (zip, place, kreis, code) = (fields[column["zipcode"]], fields[column["place"]], fields[column["community"]], fields[column["community_code"]]);
            if (zip.Length != 5 || !zip.All(char.IsAsciiDigit)) errors.Add($"{file}: line {lineNumber}: postal code '{zip}' is not 5 digits");
            else if (code.Length == 0) skipped.Add(lineNumber);
            else if (code.Length != 5 || !code.All(char.IsAsciiDigit)) errors.Add($"{file}: line {lineNumber}: Kreisschlüssel '{code}' is not 5 digits");
            else
            {
                if (!areas.TryGetValue((zip, code), out var area)) areas[(zip, code)] = area = (kreis, [], []);
                area.Places.Add(place);
                if (Coordinate(fields, latitudeColumn, 90) is { } lat && Coordinate(fields, longitudeColumn, 180) is { } lon) area.Points.Add((lat, lon));
            }

            if (errors.Count >= 20) break;
        }

        var result = areas.Select(a => new PostalCodeArea
        {
            PostalCode = a.Key.Item1, Kreisschluessel = a.Key.Item2, KreisName = a.Value.Kreis,
            Places = string.Join("; ", a.Value.Places.Distinct().Take(20)), PlaceCount = a.Value.Places.Count,
            Latitude = a.Value.Points.Count == 0 ? null : Math.Round(a.Value.Points.Average(p => p.Lat), 5),
            Longitude = a.Value.Points.Count == 0 ? null : Math.Round(a.Value.Points.Average(p => p.Lon), 5),
        }).ToList();
        return new PostalCodeCsvResult(errors.Count == 0 ? result : [], errors, skipped, rows);
    }

    /// <summary>A coordinate column's value when present and plausible; positions are optional, so a bad one is left out rather than refused.</summary>
    private static double? Coordinate(List<string> fields, int column, double limit) =>
        column >= 0 && double.TryParse(fields[column], System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var value)
            && Math.Abs(value) <= limit ? value : null;
}

/// <summary>The areas read (empty when there are errors), the errors, and the lines skipped for lack of a Kreisschlüssel.</summary>
public sealed record PostalCodeCsvResult(IReadOnlyList<PostalCodeArea> Areas, IReadOnlyList<string> Errors, IReadOnlyList<int> SkippedLines, int Rows);
