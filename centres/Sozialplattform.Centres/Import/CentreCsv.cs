using System.Globalization;
using System.Text;
using Sozialplattform.Centres.Records;
using Sozialplattform.Centres.Validation;

namespace Sozialplattform.Centres.Import;

/// <summary>
/// The CSV form of a centre, one row per centre, for spreadsheets. Texts in German (<c>name</c>) and other languages
/// (<c>name.tr</c>); lists space-separated; hours <c>mo 09:00-12:00, di 14:00-16:00</c>; offers
/// <c>schuldnerberatung=50667 50600-50999 K05315 L05 online; suchtberatung=K05315</c>. Exceptions to the hours,
/// details and notes need JSON.
/// </summary>
public static class CentreCsv
{
    public static readonly string[] Columns =
    [
        "externalId", "carrierKey", "carrierName", "name", "summary", "costs", "street", "postalCode", "city", "latitude", "longitude",
        "phone", "email", "website", "languages", "ways", "stepFree", "accessibleToilet", "signLanguage", "easyLanguage", "hours", "offers", "example",
    ];

    public static IReadOnlyList<FileEntry> Read(string text)
    {
        var rows = Rows(text).ToList();
        if (rows.Count == 0) return [];
        var header = rows[0].Fields;
        var missing = new[] { "externalId", "carrierKey", "carrierName", "name", "street", "postalCode", "city", "offers" }.Where(c => !header.Contains(c)).ToList();
        if (missing.Count > 0) return [new(1, null, missing.Select(c => new CentreError(c, "columnMissing", c)).ToList())];
        return rows.Skip(1).Where(r => r.Fields.Any(f => f.Length > 0)).Select(r => ReadRow(header, r.Line, r.Fields)).ToList();
    }

    private static FileEntry ReadRow(List<string> header, int line, List<string> fields)
    {
        if (fields.Count != header.Count) return new(line, null, [new("", "columnCount", $"{fields.Count}", $"{header.Count}")]);
        var errors = new List<CentreError>();
        string? Get(string column) => header.IndexOf(column) is >= 0 and var i && Unguarded(fields[i].Trim()) is { Length: > 0 } value ? value : null;
        Texts TextsOf(string column) => new(header.Select((h, i) => (h, i)).Where(x => x.h == column || x.h.StartsWith(column + ".", StringComparison.Ordinal))
            .Select(x => new KeyValuePair<string, string>(x.h == column ? Texts.German : x.h[(column.Length + 1)..], fields[x.i])));
        bool Flag(string column) => Get(column)?.ToLowerInvariant() is "ja" or "yes" or "true" or "1" or "x";
        double? Number(string column)
        {
            if (Get(column) is not { } value) return null;
            if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)) return number;
            errors.Add(new(column, "numberMalformed", value));
            return null;
        }

        var ways = new List<CounsellingWay>();
        foreach (var word in Words(Get("ways")))
            if (Enum.TryParse<CounsellingWay>(word, ignoreCase: true, out var way)) ways.Add(way);
            else errors.Add(new("ways", "wayUnknown", word));

        var record = new CentreRecord
        {
            ExternalId = Get("externalId"),
            Carrier = new Carrier(Get("carrierKey") ?? "", Get("carrierName") ?? ""),
            Name = TextsOf("name"), Summary = TextsOf("summary"), Costs = TextsOf("costs"),
            Address = new Address(Get("street") ?? "", Get("postalCode") ?? "", Get("city") ?? "") { Latitude = Number("latitude"), Longitude = Number("longitude") },
            Phone = Get("phone"), Email = Get("email"), Website = Get("website"),
            Languages = Words(Get("languages")) is { Count: > 0 } languages ? languages : ["de"],
            Ways = ways.Count > 0 ? ways : [CounsellingWay.OnSite],
            Accessibility = new Accessibility { StepFree = Flag("stepFree"), AccessibleToilet = Flag("accessibleToilet"), SignLanguage = Flag("signLanguage"), EasyLanguage = Flag("easyLanguage") },
            OpeningHours = new OpeningHours { Weekly = CentreLines.ReadHours(Get("hours"), "hours", errors) },
            Offers = CentreLines.ReadOffers(Get("offers"), "offers", errors),
            Example = Flag("example"),
        };
        return errors.Count > 0 ? new(line, null, errors) : new(line, record, []);
    }

    public static string Write(IEnumerable<CentreRecord> records)
    {
        var text = new StringBuilder().AppendLine(string.Join(",", Columns));
        foreach (var r in records)
        {
            string[] values =
            [
                r.ExternalId ?? "", r.Carrier.Key, r.Carrier.Name, r.Name.Resolve("de").Text, r.Summary.Resolve("de").Text, r.Costs.Resolve("de").Text,
                r.Address.Street, r.Address.PostalCode, r.Address.City, Invariant(r.Address.Latitude), Invariant(r.Address.Longitude),
                r.Phone ?? "", r.Email ?? "", r.Website ?? "", string.Join(' ', r.Languages), string.Join(' ', r.Ways.Select(w => JsonName(w.ToString()))),
                Yes(r.Accessibility.StepFree), Yes(r.Accessibility.AccessibleToilet), Yes(r.Accessibility.SignLanguage), Yes(r.Accessibility.EasyLanguage),
                string.Join(", ", r.OpeningHours.Weekly.Select(CentreLines.Hours)),
                string.Join("; ", r.Offers.Select(o => $"{o.Topic}={CentreLines.Catchment(o.Catchment)}")),
                Yes(r.Example),
            ];
            text.AppendLine(string.Join(",", values.Select(Quote)));
        }

        return text.ToString();
    }

    /// <summary>Undoes the formula guard of <see cref="Quote"/>.</summary>
    private static string Unguarded(string value) => value.Length > 1 && value[0] == '\'' && value[1] is '=' or '+' or '-' or '@' ? value[1..] : value;

    private static List<string> Words(string? value) => (value ?? "").Split([' ', ','], StringSplitOptions.RemoveEmptyEntries).ToList();

    private static string Yes(bool value) => value ? "ja" : "";

    private static string JsonName(string name) => char.ToLowerInvariant(name[0]) + name[1..];

    private static string Invariant(double? value) => value?.ToString("0.#####", CultureInfo.InvariantCulture) ?? "";

    /// <summary>Quoted when needed; a leading = + - @ is prefixed with ' so spreadsheets never run a formula.</summary>
    private static string Quote(string value)
    {
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' && !double.TryParse(value, CultureInfo.InvariantCulture, out _)) value = "'" + value;
        return value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : value;
    }

    /// <summary>RFC 4180 rows (quoted fields may hold commas, quotes and line breaks) with the line each starts on.</summary>
    private static IEnumerable<(int Line, List<string> Fields)> Rows(string text)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var (quoted, line, start) = (false, 1, 1);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\n') line++;
            if (quoted)
            {
                if (c != '"') field.Append(c);
                else if (i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                else quoted = false;
            }
            else if (c == '"') quoted = true;
            else if (c == ',') { fields.Add(field.ToString()); field.Clear(); }
            else if (c == '\n')
            {
                fields.Add(field.ToString().TrimEnd('\r'));
                yield return (start, fields);
                (fields, start) = ([], line);
                field.Clear();
            }
            else field.Append(c);
        }

        if (field.Length > 0 || fields.Count > 0)
        {
            fields.Add(field.ToString());
            yield return (start, fields);
        }
    }
}
