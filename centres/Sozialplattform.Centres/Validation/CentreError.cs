namespace Sozialplattform.Centres.Validation;

/// <summary>
/// One problem of a centre record as data: the JSON path of the member ("offers[1].catchment.postalCodes[0]"), a
/// code and its arguments. Pages turn it into text per language; <see cref="ToString"/> is the English for logs and the CLI.
/// </summary>
public sealed record CentreError(string Path, string Code, params string[] Args)
{
    public override string ToString() => $"{Path}: {Code switch
    {
        "required" => "is required",
        "tooLong" => $"is longer than {Arg(0)} characters",
        "postalCodeMalformed" => $"'{Arg(0)}' is not a postal code (5 digits)",
        "postalCodeUnknown" => $"postal code {Arg(0)} is unknown",
        "coordinatesOutsideGermany" => $"the position {Arg(0)}, {Arg(1)} lies outside Germany",
        "coordinatesIncomplete" => "give both latitude and longitude, or neither",
        "coordinatesUnknown" => "no position given and none known for the postal code",
        "phoneMalformed" => $"'{Arg(0)}' is not a phone number (digits, spaces, + ( ) / -)",
        "emailMalformed" => $"'{Arg(0)}' is not an e-mail address",
        "urlMalformed" => $"'{Arg(0)}' is not a web address starting with https:// or http://",
        "languageMalformed" => $"'{Arg(0)}' is not a language code (ISO 639-1, two letters)",
        "hoursEndBeforeStart" => $"closes at {Arg(1)} before it opens at {Arg(0)}",
        "hoursOverlap" => $"overlaps another opening on {Arg(0)}",
        "topicUnknown" => $"topic '{Arg(0)}' is unknown",
        "topicTwice" => $"topic '{Arg(0)}' is offered twice",
        "catchmentEmpty" => "the catchment covers nothing (give postal codes, Kreise, states or online)",
        "rangeReversed" => $"range {Arg(0)} ends before it starts",
        "rangeCoversNothing" => $"range {Arg(0)} contains no known postal code",
        "kreisMalformed" => $"'{Arg(0)}' is not a Kreis key (5-digit ARS)",
        "kreisUnknown" => $"Kreis {Arg(0)} is unknown",
        "municipalityMalformed" => $"'{Arg(0)}' is not a municipality key (12-digit ARS, digits only)",
        "municipalityUnknown" => $"municipality {Arg(0)} lies in no known Kreis ({Arg(0)[..Math.Min(5, Arg(0).Length)]})",
        "stateUnknown" => $"'{Arg(0)}' is not a state key (01–16)",
        "ageRange" => $"the age range {Arg(0)}–{Arg(1)} is not possible",
        "exceptionTwice" => $"the date {Arg(0)} has two exceptions",
        "externalIdTwice" => $"external id '{Arg(0)}' appears twice in the file (the first one counts)",
        "jsonMalformed" => $"not a centre: {Arg(0)}",
        "columnMissing" => $"the CSV header has no column '{Arg(0)}'",
        "columnCount" => $"{Arg(0)} fields, the header has {Arg(1)}",
        "numberMalformed" => $"'{Arg(0)}' is not a number",
        "wayUnknown" => $"'{Arg(0)}' is not a way of counselling (onSite, phone, video, chat, homeVisit, openConsultation)",
        "exceptionMalformed" => $"'{Arg(0)}' is not an exception (e.g. '2026-12-24 geschlossen' or '2026-12-31 09:00-12:00 | note')",
        "hoursMalformed" => $"'{Arg(0)}' is not an opening (e.g. 'mo 09:00-12:00')",
        "catchmentEntryUnknown" => $"'{Arg(0)}' is neither a postal code, K<Kreis>, L<state> nor online",
        "carrierFixed" => $"the carrier stays '{Arg(0)}' (only the editorial team moves a centre to another carrier)",
        "loginTaken" => $"this login exists already ('{Arg(0)}')",
        "loginMalformed" => $"'{Arg(0)}' is not a login (no spaces or control characters)",
        "controlCharacters" => "contains control characters",
        "passwordTooShort" => $"the password needs at least {Arg(0)} characters",
        "scopeMissing" => "give the centres (external ids) or the carrier the login keeps",
        "scopeTwice" => "give either centres or a carrier (an editorial login keeps neither)",
        "centreUnknown" => $"no centre with the external id(s) {Arg(0)} in this tenant",
        "carrierUnknown" => $"no centre of carrier '{Arg(0)}' in this tenant",
        "editorOnly" => "only the editorial team creates logins",
        _ => Code,
    }}";

    private string Arg(int index) => index < Args.Length ? Args[index] : "";
}
