using NodaTime;
using Sozialplattform.Centres.Geo;
using Sozialplattform.Centres.Records;

namespace Sozialplattform.Centres.Tests.Infrastructure;

/// <summary>Real postal codes (positions as in the GeoNames data) and a valid centre to vary.</summary>
public static class TestCentres
{
    public static readonly PostalCodePlace Koeln = new("50667", "05315", "Köln, Stadt", "Köln", new GeoPoint(50.9387, 6.9547));
    public static readonly PostalCodePlace KoelnSued = new("50999", "05315", "Köln, Stadt", "Köln", new GeoPoint(50.8753, 7.0202));
    public static readonly PostalCodePlace Bonn = new("53111", "05314", "Bonn, Stadt", "Bonn", new GeoPoint(50.7362, 7.1002));
    public static readonly PostalCodePlace Duesseldorf = new("40213", "05111", "Düsseldorf, Stadt", "Düsseldorf", new GeoPoint(51.2249, 6.7743));
    public static readonly PostalCodePlace Dortmund = new("44135", "05913", "Dortmund, Stadt", "Dortmund", new GeoPoint(51.5125, 7.477));
    public static readonly PostalCodePlace Berlin = new("10117", "11000", "Berlin, Stadt", "Berlin", new GeoPoint(52.517, 13.3872));

    public static PostalCodeLocations Places() => PostalCodeLocations.Of([Koeln, KoelnSued, Bonn, Duesseldorf, Dortmund, Berlin]);

    public static CentreRecord Centre(string externalId, PostalCodePlace at, params Offer[] offers) => new()
    {
        ExternalId = externalId,
        Carrier = new Carrier("traeger-1", "Beispiel-Träger e. V."),
        Name = Texts.De($"Beratungsstelle {externalId}"),
        Address = new Address("Musterstraße 1", at.PostalCode, at.Places) { Latitude = at.Position!.Value.Latitude, Longitude = at.Position.Value.Longitude },
        Phone = "+49 221 123456",
        Email = "beratung@example.org",
        Website = "https://beratung.example.org",
        OpeningHours = new OpeningHours { Weekly = [new WeeklyHours(IsoDayOfWeek.Monday, new LocalTime(9, 0), new LocalTime(12, 0))] },
        Offers = offers.Length > 0 ? offers : [Offer("schuldnerberatung", at.PostalCode)],
    };

    public static Offer Offer(string topic, params string[] postalCodes) => new(topic, new Catchment { PostalCodes = postalCodes });
}
