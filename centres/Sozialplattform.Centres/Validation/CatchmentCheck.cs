using Sozialplattform.Centres.Geo;
using Sozialplattform.Centres.Records;
using Sozialplattform.Centres.Search;

namespace Sozialplattform.Centres.Validation;

/// <summary>A catchment must cover something, and each of its entries must be well-formed and (with postal-code data) known.</summary>
internal static class CatchmentCheck
{
    public static async Task CheckAsync(List<CentreError> errors, string path, Catchment catchment, PostalCodeLocations places)
    {
        if (catchment.IsEmpty) errors.Add(new(path, "catchmentEmpty"));
        var hasData = await places.HasDataAsync();
        for (var i = 0; i < catchment.PostalCodes.Count; i++)
        {
            var entry = catchment.PostalCodes[i] ?? "";
            var at = $"{path}.postalCodes[{i}]";
            if (PostalCodeRange.Parse(entry) is not { } range) errors.Add(new(at, "postalCodeMalformed", entry));
            else if (string.CompareOrdinal(range.From, range.To) > 0) errors.Add(new(at, "rangeReversed", entry));
            else if (hasData && !await places.AnyInRangeAsync(range)) errors.Add(new(at, range.IsSingle ? "postalCodeUnknown" : "rangeCoversNothing", entry));
        }

        for (var i = 0; i < catchment.Kreise.Count; i++)
        {
            var kreis = catchment.Kreise[i] ?? "";
            if (kreis.Length != 5 || !kreis.All(char.IsAsciiDigit)) errors.Add(new($"{path}.kreise[{i}]", "kreisMalformed", kreis));
            else if (hasData && !await places.HasKreisAsync(kreis)) errors.Add(new($"{path}.kreise[{i}]", "kreisUnknown", kreis));
        }

        for (var i = 0; i < catchment.Municipalities.Count; i++)
        {
            var ars = catchment.Municipalities[i] ?? "";
            var at = $"{path}.municipalities[{i}]";
            if (ars.Length != 12 || !ars.All(char.IsAsciiDigit)) errors.Add(new(at, "municipalityMalformed", ars));
            else if (hasData && !await places.HasKreisAsync(ars[..5])) errors.Add(new(at, "municipalityUnknown", ars));
        }

        for (var i = 0; i < catchment.States.Count; i++)
            if (catchment.States[i] is not { Length: 2 } state || !int.TryParse(state, out var number) || number is < 1 or > 16)
                errors.Add(new($"{path}.states[{i}]", "stateUnknown", catchment.States[i] ?? ""));
    }
}
