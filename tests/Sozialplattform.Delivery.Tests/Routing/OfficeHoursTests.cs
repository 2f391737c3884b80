using Sozialplattform.Delivery.Channels;
using Sozialplattform.Delivery.Tenants;
using Sozialplattform.Delivery.Tests.Infrastructure;

namespace Sozialplattform.Delivery.Tests.Routing;

/// <summary>An authority's <c>openingHours</c> in <c>authorities.json</c>: read as weekdays and times, each bad entry reported with its place.</summary>
public sealed class OfficeHoursTests
{
    private static readonly ChannelRegistry Channels = TestChannels.All();

    private static TenantFolder WithHours(string hours) => new(authorities: TenantFolder.AuthoritiesJson.Replace(
        "\"address\": [\"Jobcenter A\", \"A-Stadt\"],", $"\"address\": [\"Jobcenter A\", \"A-Stadt\"], \"openingHours\": {hours},"));

    [Fact]
    public void Ranges_and_lists_of_weekdays_are_read_with_their_times()
    {
        using var folder = WithHours("""[ { "days": "Mo-Fr", "from": "08:00", "to": "12:00" }, { "days": "Di, Do", "from": "14:00", "to": "18:30" }, { "days": "Sa-So", "from": "10:00", "to": "11:00" } ]""");

        var (tenants, problems) = TenantLoader.ReadAll(folder.TenantsRoot, Channels);

        problems.ShouldBeEmpty();
        var hours = tenants.Single().Authorities.Single(a => a.Id == "jobcenter-a").OpeningHours;
        hours[0].Days.ShouldBe([DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday]);
        (hours[0].From, hours[0].To).ShouldBe((new TimeOnly(8, 0), new TimeOnly(12, 0)));
        hours[1].Days.ShouldBe([DayOfWeek.Tuesday, DayOfWeek.Thursday]);
        hours[2].Days.ShouldBe([DayOfWeek.Saturday, DayOfWeek.Sunday]);
        tenants.Single().Authorities.Single(a => a.Id == "sozialamt-a").OpeningHours.ShouldBeEmpty("hours are optional");
    }

    [Theory]
    [InlineData("""[ { "days": "Montag", "from": "08:00", "to": "12:00" } ]""", "'days' must be weekdays Mo Di Mi Do Fr Sa So as a range \"Mo-Fr\" or a list \"Mo,Mi\", not 'Montag'")]
    [InlineData("""[ { "days": "Fr-Mo", "from": "08:00", "to": "12:00" } ]""", "'days' must be weekdays Mo Di Mi Do Fr Sa So as a range \"Mo-Fr\" or a list \"Mo,Mi\", not 'Fr-Mo'")]
    [InlineData("""[ { "days": "Mo", "from": "8 Uhr", "to": "12:00" } ]""", "'from' must be a time like 08:00, not '8 Uhr'")]
    [InlineData("""[ { "days": "Mo", "from": "12:00", "to": "08:00" } ]""", "'from' 12:00 must be before 'to' 08:00")]
    [InlineData("""[ { "days": "Mo", "from": "08:00" } ]""", "'to' is missing")]
    [InlineData("""[ "Mo-Fr 8-12" ]""", "must be an object like {\"days\": \"Mo-Fr\", \"from\": \"08:00\", \"to\": \"12:00\"}")]
    public void A_bad_entry_is_reported_with_file_authority_and_index(string hours, string problem)
    {
        using var folder = WithHours(hours);

        var problems = TenantLoader.ReadAll(folder.TenantsRoot, Channels).Problems.Select(p => p.ToString()).ToList();

        problems.ShouldHaveSingleItem().ShouldStartWith("tenants/probe/authorities.json: authorities[0] 'jobcenter-a' openingHours[0]: ");
        problems[0].ShouldEndWith(problem);
    }
}
