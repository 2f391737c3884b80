namespace Sozialplattform.Web.Tests.Infrastructure;

/// <summary>Steps of an application that many tests share, done as a browser without JavaScript would.</summary>
public static class Journeys
{
    /// <summary>Starts an application for the form and chooses a place; returns the place page with the responsible office.</summary>
    public static async Task<PortalPage> StartAsync(PortalClient client, string formId, string lang = "de", string place = "12345")
    {
        var service = await client.GetAsync($"/{lang}/leistungen/{formId}");
        var placePage = await client.SubmitAsync(service, "/starten");
        return await client.SubmitAsync(placePage, "/ort/waehlen", new Dictionary<string, string?> { ["ort"] = place });
    }

    /// <summary>The first page of the wizard after the place step.</summary>
    public static async Task<PortalPage> FirstPageAsync(PortalClient client, string formId, string lang = "de")
    {
        var place = await StartAsync(client, formId, lang);
        return await client.GetAsync(place.Document.QuerySelector(".panel a.button")!.GetAttribute("href")!);
    }

    /// <summary>The draft id from an application URL (<c>/de/antrag/{id}/…</c>).</summary>
    public static Guid DraftId(PortalPage page) => Guid.Parse(page.Path.Split('/')[3]);

    public static readonly IReadOnlyDictionary<string, string?> Applicant = new Dictionary<string, string?>
    {
        ["antragsteller.vorname"] = "Ayşe",
        ["antragsteller.nachname"] = "Yılmaz",
        ["antragsteller.geburtsdatum"] = "12.04.1985",
        ["antragsteller.staatsangehoerigkeit"] = "000",
        ["familienstand"] = "ledig",
    };
}
