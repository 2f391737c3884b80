using Sozialplattform.Web.Tests.Infrastructure;

namespace Sozialplattform.Web.Tests.Endpoints;

/// <summary>
/// With the postal codes loaded, a code that is not among them is called what it is ("gibt es nicht"), not a place
/// without a responsible office; input with too few digits says how a postal code looks.
/// </summary>
public sealed class UnknownPostalCodeTests : IDisposable
{
    private readonly PostalCodeFile _postalCodes = new(PostalCodeFile.Borken);
    private readonly PortalFactory _factory;

    public UnknownPostalCodeTests() => _factory = new PortalFactory(_postalCodes.Path);

    public void Dispose()
    {
        _factory.Dispose();
        _postalCodes.Dispose();
    }

    [Theory]
    [InlineData("de", "99999", "Diese Postleitzahl gibt es nicht. Prüfen Sie die fünf Ziffern.")]
    [InlineData("en", "99999", "This postal code does not exist. Check the five digits.")]
    [InlineData("de", "4632", "Eine Postleitzahl hat fünf Ziffern, zum Beispiel 46325.")]
    public async Task A_postal_code_that_does_not_exist_is_named_as_such_and_not_as_a_place_without_an_office(string lang, string input, string message)
    {
        var client = _factory.Browse();
        var page = await Journeys.StartAsync(client, "haushalt", lang, input);

        page.SummaryErrors.ShouldBe([message]);
        page.Html.ShouldNotContain(lang == "de" ? "keine zuständige Stelle" : "no responsible office");
        page.Document.QuerySelector("#ort")!.GetAttribute("value").ShouldBe(input, "the input is shown again to be corrected");
    }
}
