using System.Text.Json;
using NodaTime;
using Sozialplattform.Centres.Records;
using Sozialplattform.Centres.Tests.Infrastructure;

namespace Sozialplattform.Centres.Tests.Web;

/// <summary>A centre whose every text field carries a script: escaped on the pages, in the API and in the vCard.</summary>
public sealed class HostileInputTests : IClassFixture<CentresPortal>
{
    private const string Script = "<script>alert(1)</script>";
    private const string Breakout = "x\r\nEMAIL:attacker@example.org;\"><img src=x onerror=alert(2)>";
    private readonly CentresPortal _portal;
    private readonly Guid _id;

    public HostileInputTests(CentresPortal portal)
    {
        _portal = portal;
        var hostile = TestCentres.Centre("hostile", TestCentres.Koeln) with
        {
            Carrier = new Carrier("evil", Script),
            Name = new Texts([new("de", "Stelle " + Script), new("ar", "مركز " + Script)]),
            Summary = Texts.De(Breakout),
            Details = Texts.De(Script + "\n" + Breakout),
            Costs = Texts.De(Script),
            Address = TestCentres.Centre("hostile", TestCentres.Koeln).Address with { Street = Breakout, City = Script },
            OpeningHours = new OpeningHours
            {
                Weekly = [new WeeklyHours(IsoDayOfWeek.Monday, new LocalTime(9, 0), new LocalTime(12, 0))],
                Exceptions = [new HoursException(new LocalDate(2099, 1, 5)) { Note = Texts.De(Script) }],
            },
            Offers = [TestCentres.Offer("schuldnerberatung", "50667") with { Note = Texts.De(Script) }],
        };
        _id = portal.ImportAsync(hostile).GetAwaiter().GetResult()[0];
    }

    [Theory]
    [InlineData("de")]
    [InlineData("ar")]
    public async Task Pages_show_the_script_as_text(string lang)
    {
        var client = _portal.CreateClient();
        foreach (var url in new[] { $"/{lang}/beratungsstellen?ort=50667", $"/{lang}/beratungsstellen/{_id}" })
        {
            var html = await client.GetStringAsync(url);

            html.ShouldNotContain("<script>alert", Case.Insensitive);
            html.ShouldNotContain("<img src=x", Case.Insensitive);
            html.ShouldContain("&lt;script&gt;alert(1)&lt;/script&gt;");
        }
    }

    [Fact]
    public async Task The_API_escapes_markup_in_its_JSON()
    {
        var json = await _portal.CreateClient().GetStringAsync($"/api/v1/beratungsstellen/{_id}");

        json.ShouldNotContain("<script>");
        json.ShouldContain("\\u003Cscript\\u003E");
        JsonDocument.Parse(json).RootElement.GetProperty("record").GetProperty("address").GetProperty("city").GetString().ShouldBe(Script);
    }

    [Fact]
    public async Task The_vCard_keeps_every_value_on_its_own_property()
    {
        var card = await _portal.CreateClient().GetStringAsync($"/de/beratungsstellen/{_id}/kontakt.vcf");
        var lines = card.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        lines.Count(l => l.StartsWith("EMAIL", StringComparison.Ordinal)).ShouldBe(1);
        lines.ShouldContain(l => l.StartsWith("ADR;TYPE=work:;;x\\nEMAIL:attacker@example.org\\;", StringComparison.Ordinal));
    }
}
