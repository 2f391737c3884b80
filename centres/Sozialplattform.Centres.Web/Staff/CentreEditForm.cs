using System.Globalization;
using Microsoft.AspNetCore.Http;
using Sozialplattform.Centres.Import;
using Sozialplattform.Centres.Records;
using Sozialplattform.Centres.Validation;
using Sozialplattform.Centres.Web.Hosting;

namespace Sozialplattform.Centres.Web.Staff;

/// <summary>
/// The edit page's form, one named field per member of the record (texts per portal language as <c>name.tr</c>; hours,
/// exceptions and offers one per line in the forms of <see cref="CentreLines"/>), both ways: a record to the values the
/// page shows, and the posted values to a record (or the problems found while reading it). External id, carrier and the
/// example mark are not on the form: they stay as stored.
/// </summary>
public static class CentreEditForm
{
    public static readonly string[] TextFields = ["name", "summary", "details", "costs"];
    public static readonly string[] AccessFields = ["stepFree", "accessibleToilet", "signLanguage", "easyLanguage"];

    public static Dictionary<string, string> Values(CentreRecord record)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["street"] = record.Address.Street, ["postalCode"] = record.Address.PostalCode, ["city"] = record.Address.City,
            ["latitude"] = Number(record.Address.Latitude), ["longitude"] = Number(record.Address.Longitude),
            ["phone"] = record.Phone ?? "", ["email"] = record.Email ?? "", ["website"] = record.Website ?? "",
            ["hours"] = string.Join('\n', record.OpeningHours.Weekly.Select(CentreLines.Hours)),
            ["exceptions"] = string.Join('\n', record.OpeningHours.Exceptions.Select(CentreLines.Exception)),
            ["offers"] = string.Join('\n', record.Offers.Select(CentreLines.Offer)),
            ["languages"] = string.Join(' ', record.Languages),
            ["minAge"] = record.TargetGroups.MinAge?.ToString(CultureInfo.InvariantCulture) ?? "",
            ["maxAge"] = record.TargetGroups.MaxAge?.ToString(CultureInfo.InvariantCulture) ?? "",
        };
        foreach (var field in TextFields)
        foreach (var language in CentreTexts.Languages)
            values[$"{field}.{language}"] = Text(record, field).TryGetValue(language, out var text) ? text : "";
        Flag(values, "holidaysClosed", record.OpeningHours.ClosedOnPublicHolidays);
        Flag(values, "stepFree", record.Accessibility.StepFree);
        Flag(values, "accessibleToilet", record.Accessibility.AccessibleToilet);
        Flag(values, "signLanguage", record.Accessibility.SignLanguage);
        Flag(values, "easyLanguage", record.Accessibility.EasyLanguage);
        Flag(values, "affected", record.TargetGroups.Affected);
        Flag(values, "relatives", record.TargetGroups.Relatives);
        foreach (var way in record.Ways) Flag(values, "way." + Name(way), true);
        return values;
    }

    /// <summary>The posted values as they were typed (for showing them again) and the record they describe, or the problems of reading it.</summary>
    public static (Dictionary<string, string> Values, CentreRecord? Record, List<CentreError> Errors) Read(IFormCollection form, CentreRecord stored)
    {
        var values = form.Keys.ToDictionary(k => k, k => form[k].ToString().Replace("\r\n", "\n", StringComparison.Ordinal), StringComparer.Ordinal);
        string? Get(string name) => values.TryGetValue(name, out var v) && v.Trim() is { Length: > 0 } t ? t : null;
        bool On(string name) => Get(name) is not null;
        var errors = new List<CentreError>();
        double? Coordinate(string name)
        {
            if (Get(name) is not { } text) return null;
            if (double.TryParse(text.Replace(',', '.'), NumberStyles.Float, CultureInfo.InvariantCulture, out var n)) return n;
            errors.Add(new(name, "numberMalformed", text));
            return null;
        }

        int? Age(string name)
        {
            if (Get(name) is not { } text) return null;
            if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n)) return n;
            errors.Add(new(name, "numberMalformed", text));
            return null;
        }

        Texts TextOf(string field) => new(CentreTexts.Languages.Select(l => new KeyValuePair<string, string>(l, Get($"{field}.{l}") ?? ""))
            .Concat(Text(stored, field).Where(t => !CentreTexts.Languages.Contains(t.Key))));

        var record = stored with
        {
            Name = TextOf("name"), Summary = TextOf("summary"), Details = TextOf("details"), Costs = TextOf("costs"),
            Address = new Address(Get("street") ?? "", Get("postalCode") ?? "", Get("city") ?? "") { Latitude = Coordinate("latitude"), Longitude = Coordinate("longitude") },
            Phone = Get("phone"), Email = Get("email"), Website = Get("website"),
            OpeningHours = new OpeningHours
            {
                Weekly = CentreLines.ReadHours(Get("hours"), "hours", errors),
                Exceptions = CentreLines.ReadExceptions(Get("exceptions"), "exceptions", errors, stored.OpeningHours.Exceptions),
                ClosedOnPublicHolidays = On("holidaysClosed"),
            },
            Accessibility = new Accessibility { StepFree = On("stepFree"), AccessibleToilet = On("accessibleToilet"), SignLanguage = On("signLanguage"), EasyLanguage = On("easyLanguage") },
            Languages = (Get("languages") ?? "").Split([' ', ','], StringSplitOptions.RemoveEmptyEntries).Select(l => l.ToLowerInvariant()).Distinct().ToList(),
            Ways = Enum.GetValues<CounsellingWay>().Where(w => On("way." + Name(w))).ToList(),
            TargetGroups = new TargetGroups { MinAge = Age("minAge"), MaxAge = Age("maxAge"), Affected = On("affected"), Relatives = On("relatives") },
            Offers = CentreLines.ReadOffers(Get("offers"), "offers", errors, stored.Offers),
        };
        if (record.Languages.Count == 0) errors.Add(new("languages", "required"));
        if (record.Ways.Count == 0) errors.Add(new("ways", "required"));
        if (record.Offers.Count == 0) errors.Add(new("offers", "required"));
        return (values, errors.Count == 0 ? record : null, errors);
    }

    public static string Name(CounsellingWay way) => char.ToLowerInvariant(way.ToString()[0]) + way.ToString()[1..];

    private static Texts Text(CentreRecord record, string field) => field switch
    {
        "name" => record.Name,
        "summary" => record.Summary,
        "details" => record.Details,
        _ => record.Costs,
    };

    private static void Flag(Dictionary<string, string> values, string name, bool on)
    {
        if (on) values[name] = "on";
    }

    private static string Number(double? value) => value?.ToString("0.######", CultureInfo.InvariantCulture) ?? "";
}
