using System.Globalization;
using NodaTime;
using Sozialplattform.Centres.Hours;
using Sozialplattform.Centres.Search;
using Sozialplattform.Centres.Web.Hosting;

namespace Sozialplattform.Centres.Web.Components.Shared;

/// <summary>The sentences the finder says about a result: why it is shown, how far, and whether it is open.</summary>
public static class CentreFormat
{
    public static string Reason(CentreTexts texts, string lang, CentreHit hit, PostalCodePlaceLabel? place) => hit.Reason switch
    {
        MatchReason.PostalCode => texts.Get(lang, "reason.postalCode", place?.PostalCode),
        MatchReason.Municipality => texts.Get(lang, "reason.municipality", place?.Municipality),
        MatchReason.Kreis => texts.Get(lang, "reason.kreis", place?.KreisName),
        MatchReason.State => texts.Get(lang, "reason.state", texts.Get(lang, hit.Centre.State == "05" ? "state.nrw" : "state.other")),
        MatchReason.Online => texts.Get(lang, "reason.online"),
        MatchReason.Nearby => texts.Get(lang, "reason.nearby"),
        MatchReason.NearestAnyway => texts.Get(lang, "reason.nearestAnyway"),
        _ => "",
    };

    public static string? Distance(CentreTexts texts, string lang, double? km) => km switch
    {
        null => null,
        < 1 => texts.Get(lang, "distance.near"),
        _ => texts.Get(lang, "distance.km", Math.Round(km.Value).ToString(CultureInfo.InvariantCulture)),
    };

    public static string Opening(CentreTexts texts, string lang, OpeningState state, Instant now)
    {
        if (state.OpenNow) return texts.Get(lang, "hours.openNow", Time(state.Until!.Value.TimeOfDay));
        var closed = texts.Get(lang, "hours.closedNow");
        if (state.NextOpening is not { } next) return closed;
        var today = now.InZone(OpeningCalendar.Berlin).Date;
        var when = next.Date == today ? texts.Get(lang, "hours.opensToday", Time(next.TimeOfDay))
            : next.Date == today.PlusDays(1) ? texts.Get(lang, "hours.opensTomorrow", Time(next.TimeOfDay))
            : texts.Get(lang, "hours.opensOn", $"{texts.Get(lang, $"day.{(int)next.DayOfWeek}")}, {next.Date.ToString("dd.MM.", CultureInfo.InvariantCulture)}", Time(next.TimeOfDay));
        return $"{closed} – {when}";
    }

    public static string Time(LocalTime time) => time.ToString(time.Minute == 0 ? "H:mm" : "H:mm", CultureInfo.InvariantCulture);
}

/// <summary>What a result sentence needs of the searched place.</summary>
public sealed record PostalCodePlaceLabel(string PostalCode, string KreisName, string? Municipality = null);
