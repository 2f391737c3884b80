namespace Sozialplattform.Centres.Web.Hosting;

/// <summary>Every URL of the finder in one place (the portal links here from the home page, service pages and the Sozialleistungsfinder).</summary>
public static class CentreRoutes
{
    public static string Finder(string lang, string? topic = null) =>
        topic is { Length: > 0 } ? $"/{lang}/beratungsstellen?thema={Uri.EscapeDataString(topic)}" : $"/{lang}/beratungsstellen";

    public static string Detail(string lang, Guid id) => $"/{lang}/beratungsstellen/{id}";

    /// <summary>The portal's start of a contact form (posted with the chosen centre as <c>ziel</c>).</summary>
    public static string StartContact(string lang, string formId) => $"/{lang}/leistungen/{Uri.EscapeDataString(formId)}/starten";

    public static string VCard(string lang, Guid id) => $"/{lang}/beratungsstellen/{id}/kontakt.vcf";

    public const string Api = "/api/v1/beratungsstellen";

    /// <summary>OpenStreetMap at the centre's position: a plain link, nothing of OpenStreetMap is loaded by our pages.</summary>
    public static string Map(double latitude, double longitude) =>
        FormattableString.Invariant($"https://www.openstreetmap.org/?mlat={latitude:0.#####}&mlon={longitude:0.#####}#map=17/{latitude:0.#####}/{longitude:0.#####}");
}
