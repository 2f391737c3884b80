using NodaTime;
using Sozialplattform.Centres.Records;
using Sozialplattform.Centres.Tests.Infrastructure;
using Sozialplattform.Centres.Topics;
using Sozialplattform.Centres.Validation;

namespace Sozialplattform.Centres.Tests.Records;

public sealed class CentreCheckTests
{
    private static readonly CentreCheck Check = new(TestCentres.Places(), TopicTaxonomy.BuiltIn);
    private static readonly CentreRecord Valid = TestCentres.Centre("koeln-1", TestCentres.Koeln);

    private static async Task<IReadOnlyList<CentreError>> ErrorsAsync(CentreRecord record) => (await Check.PrepareAsync(record)).Errors;

    [Fact]
    public async Task A_valid_centre_without_position_gets_the_position_of_its_postal_code()
    {
        var (record, errors) = await Check.PrepareAsync(Valid with { Address = new Address("Domkloster 4", "50667", "Köln") });

        errors.ShouldBeEmpty();
        (record!.Address.Latitude, record.Address.Longitude).ShouldBe((50.9387, 6.9547));
    }

    public static TheoryData<string, Func<CentreRecord, CentreRecord>, string, string> BadRecords() => new()
    {
        { "unknown postal code", r => r with { Address = new Address("Weg 1", "99999", "Nirgends") }, "address.postalCode", "postalCodeUnknown" },
        { "malformed postal code", r => r with { Address = new Address("Weg 1", "5066", "Köln") }, "address.postalCode", "postalCodeMalformed" },
        { "outside Germany", r => r with { Address = r.Address with { Latitude = 48.85, Longitude = 2.35 } }, "address.latitude", "coordinatesOutsideGermany" },
        { "half a position", r => r with { Address = r.Address with { Longitude = null } }, "address.latitude", "coordinatesIncomplete" },
        { "phone", r => r with { Phone = "call me maybe" }, "phone", "phoneMalformed" },
        { "e-mail", r => r with { Email = "beratung@" }, "email", "emailMalformed" },
        { "script URL", r => r with { Website = "javascript:alert(1)" }, "website", "urlMalformed" },
        { "language", r => r with { Languages = ["deutsch"] }, "languages[0]", "languageMalformed" },
        { "hours reversed", r => r with { OpeningHours = new OpeningHours { Weekly = [new WeeklyHours(IsoDayOfWeek.Monday, new LocalTime(14, 0), new LocalTime(9, 0))] } }, "openingHours.weekly[0]", "hoursEndBeforeStart" },
        { "hours overlap", r => r with { OpeningHours = new OpeningHours { Weekly = [new WeeklyHours(IsoDayOfWeek.Monday, new LocalTime(9, 0), new LocalTime(12, 0)), new WeeklyHours(IsoDayOfWeek.Monday, new LocalTime(11, 0), new LocalTime(14, 0))] } }, "openingHours.weekly[1]", "hoursOverlap" },
        { "catchment covers nothing", r => r with { Offers = [new Offer("schuldnerberatung", new Catchment())] }, "offers[0].catchment", "catchmentEmpty" },
        { "range without postal codes", r => r with { Offers = [TestCentres.Offer("schuldnerberatung", "60000-60999")] }, "offers[0].catchment.postalCodes[0]", "rangeCoversNothing" },
        { "reversed range", r => r with { Offers = [TestCentres.Offer("schuldnerberatung", "50999-50000")] }, "offers[0].catchment.postalCodes[0]", "rangeReversed" },
        { "unknown Kreis", r => r with { Offers = [new Offer("schuldnerberatung", new Catchment { Kreise = ["05999"] })] }, "offers[0].catchment.kreise[0]", "kreisUnknown" },
        { "unknown state", r => r with { Offers = [new Offer("schuldnerberatung", new Catchment { States = ["17"] })] }, "offers[0].catchment.states[0]", "stateUnknown" },
        { "unknown topic", r => r with { Offers = [TestCentres.Offer("tarotberatung", "50667")] }, "offers[0].topic", "topicUnknown" },
        { "no offers", r => r with { Offers = [] }, "offers", "required" },
        { "no German name", r => r with { Name = new Texts([new("en", "Counselling")]) }, "name.de", "required" },
        { "ages reversed", r => r with { TargetGroups = new TargetGroups { MinAge = 30, MaxAge = 18 } }, "targetGroups", "ageRange" },
    };

    [Theory]
    [MemberData(nameof(BadRecords))]
    public async Task Each_kind_of_bad_input_is_refused_with_its_path_and_code(string kind, Func<CentreRecord, CentreRecord> spoil, string path, string code)
    {
        var errors = await ErrorsAsync(spoil(Valid));

        errors.ShouldContain(e => e.Path == path && e.Code == code, kind);
    }

    [Fact]
    public async Task Every_problem_is_reported_at_once()
    {
        var errors = await ErrorsAsync(Valid with { Phone = "x", Email = "y", Website = "z" });

        errors.Select(e => e.Code).ShouldBe(["phoneMalformed", "emailMalformed", "urlMalformed"], ignoreOrder: true);
    }

    [Fact]
    public void The_JSON_shape_round_trips_and_refuses_unknown_members()
    {
        CentreJson.Write(CentreJson.Read(CentreJson.Write(Valid))).ShouldBe(CentreJson.Write(Valid));
        Should.Throw<System.Text.Json.JsonException>(() => CentreJson.Read(CentreJson.Write(Valid).Replace("\"phone\"", "\"fax\"")));
    }
}
