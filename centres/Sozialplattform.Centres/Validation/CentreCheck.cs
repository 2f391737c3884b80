using System.Globalization;
using System.Net.Mail;
using System.Text.RegularExpressions;
using Sozialplattform.Centres.Geo;
using Sozialplattform.Centres.Records;
using Sozialplattform.Centres.Topics;

namespace Sozialplattform.Centres.Validation;

/// <summary>
/// Checks a centre record completely (every problem at once) and completes it: a missing position comes from the
/// postal-code data. The single gate before anything is stored — editor, import and API alike.
/// </summary>
public sealed partial class CentreCheck(PostalCodeLocations places, TopicTaxonomy topics)
{
    public const int NameLength = 200, SummaryLength = 600, DetailsLength = 6000, FieldLength = 300;

    /// <summary>The record with its position filled in, or the errors (then the record is null).</summary>
    public async Task<(CentreRecord? Record, IReadOnlyList<CentreError> Errors)> PrepareAsync(CentreRecord record)
    {
        var errors = new List<CentreError>();
        Required(errors, "carrier.key", record.Carrier?.Key, FieldLength);
        Required(errors, "carrier.name", record.Carrier?.Name, NameLength);
        Required(errors, "name.de", record.Name?.Resolve(Texts.German).Text is { Length: > 0 } n && record.Name.ContainsKey(Texts.German) ? n : null, NameLength);
        TextLengths(errors, "name", record.Name, NameLength);
        TextLengths(errors, "summary", record.Summary, SummaryLength);
        TextLengths(errors, "details", record.Details, DetailsLength);
        TextLengths(errors, "costs", record.Costs, SummaryLength);
        Optional(errors, "externalId", record.ExternalId, FieldLength);

        var address = record.Address;
        Required(errors, "address.street", address?.Street, FieldLength);
        Required(errors, "address.city", address?.City, FieldLength);
        var position = await PositionAsync(errors, address);

        if (record.Phone is { Length: > 0 } phone && !PhonePattern().IsMatch(phone)) errors.Add(new("phone", "phoneMalformed", phone));
        if (record.Email is { Length: > 0 } email && !IsEmail(email)) errors.Add(new("email", "emailMalformed", email));
        if (record.Website is { Length: > 0 } website && !IsWebAddress(website)) errors.Add(new("website", "urlMalformed", website));
        for (var i = 0; i < record.Languages.Count; i++)
            if (!LanguagePattern().IsMatch(record.Languages[i] ?? "")) errors.Add(new($"languages[{i}]", "languageMalformed", record.Languages[i] ?? ""));
        if (record.TargetGroups.MinAge is < 0 or > 120 || record.TargetGroups.MaxAge is < 0 or > 120 || record.TargetGroups.MinAge > record.TargetGroups.MaxAge)
            errors.Add(new("targetGroups", "ageRange", $"{record.TargetGroups.MinAge}", $"{record.TargetGroups.MaxAge}"));

        HoursCheck.Check(errors, record.OpeningHours);
        await OffersAsync(errors, record.Offers ?? []);
        if (errors.Count > 0) return (null, errors);
        var completed = record with
        {
            Address = address! with { Latitude = position!.Value.Latitude, Longitude = position.Value.Longitude },
            Languages = record.Languages.Select(l => l.ToLowerInvariant()).Distinct().ToList(),
            Ways = record.Ways.Distinct().ToList(),
        };
        return (completed, []);
    }

    private async Task<GeoPoint?> PositionAsync(List<CentreError> errors, Address? address)
    {
        if (address is null) return null;
        PostalCodePlace? place = null;
        if (!IsPostalCode(address.PostalCode)) errors.Add(new("address.postalCode", "postalCodeMalformed", address.PostalCode ?? ""));
        else if (await places.HasDataAsync() && (place = await places.FindAsync(address.PostalCode)) is null)
            errors.Add(new("address.postalCode", "postalCodeUnknown", address.PostalCode));

        if (address.Latitude is { } lat && address.Longitude is { } lon)
        {
            var given = new GeoPoint(lat, lon);
            if (given.InGermany) return given;
            errors.Add(new("address.latitude", "coordinatesOutsideGermany", Invariant(lat), Invariant(lon)));
            return null;
        }

        if (address.Latitude is not null || address.Longitude is not null)
        {
            errors.Add(new("address.latitude", "coordinatesIncomplete"));
            return null;
        }

        if (place?.Position is { } known) return known;
        if (IsPostalCode(address.PostalCode) && place is not null || !await places.HasDataAsync())
            errors.Add(new("address.latitude", "coordinatesUnknown"));
        return null;
    }

    private async Task OffersAsync(List<CentreError> errors, IReadOnlyList<Offer> offers)
    {
        if (offers.Count == 0) errors.Add(new("offers", "required"));
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < offers.Count; i++)
        {
            var path = $"offers[{i}]";
            var offer = offers[i];
            if (topics.Find(offer.Topic) is null) errors.Add(new($"{path}.topic", "topicUnknown", offer.Topic ?? ""));
            else if (!seen.Add(offer.Topic)) errors.Add(new($"{path}.topic", "topicTwice", offer.Topic));
            TextLengths(errors, $"{path}.note", offer.Note, SummaryLength);
            await CatchmentCheck.CheckAsync(errors, $"{path}.catchment", offer.Catchment ?? new Catchment(), places);
        }
    }

    internal static bool IsPostalCode(string? value) => value is { Length: 5 } && value.All(char.IsAsciiDigit);

    internal static bool IsEmail(string value) =>
        value.Length <= FieldLength && MailAddress.TryCreate(value, out var parsed) && parsed.Address == value && value.Contains('.', StringComparison.Ordinal);

    private static bool IsWebAddress(string value) =>
        value.Length <= FieldLength && Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp) && uri.Host.Contains('.', StringComparison.Ordinal);

    private static void Required(List<CentreError> errors, string path, string? value, int max)
    {
        if (string.IsNullOrWhiteSpace(value)) errors.Add(new(path, "required"));
        else Optional(errors, path, value, max);
    }

    private static void Optional(List<CentreError> errors, string path, string? value, int max)
    {
        if (value is not null && value.Length > max) errors.Add(new(path, "tooLong", max.ToString(CultureInfo.InvariantCulture)));
    }

    private static void TextLengths(List<CentreError> errors, string path, Texts? texts, int max)
    {
        foreach (var (language, text) in texts ?? Texts.Empty)
        {
            if (!LanguagePattern().IsMatch(language)) errors.Add(new($"{path}.{language}", "languageMalformed", language));
            Optional(errors, $"{path}.{language}", text, max);
        }
    }

    private static string Invariant(double value) => value.ToString(CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^\+?[0-9][0-9 ()/\-]{4,28}[0-9]$")]
    private static partial Regex PhonePattern();

    [GeneratedRegex("^[a-z]{2}$")]
    private static partial Regex LanguagePattern();
}
