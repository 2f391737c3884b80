namespace Sozialplattform.Web.Hosting;

/// <summary>Every URL of the citizen portal in one place; the first segment is always the language.</summary>
public static class PortalRoutes
{
    public static string Home(string lang) => $"/{lang}";
    public static string Service(string lang, string formId) => $"/{lang}/leistungen/{formId}";
    public static string Start(string lang, string formId) => $"/{lang}/leistungen/{formId}/starten";
    public static string Place(string lang, Guid draft) => $"/{lang}/antrag/{draft}/ort";
    public static string PlacePost(string lang, Guid draft) => $"/{lang}/antrag/{draft}/ort/waehlen";
    public static string Page(string lang, Guid draft, string pageId) => $"/{lang}/antrag/{draft}/seite/{pageId}";
    public static string PagePost(string lang, Guid draft, string pageId) => $"/{lang}/antrag/{draft}/seite/{pageId}/senden";
    public static string Summary(string lang, Guid draft) => $"/{lang}/antrag/{draft}/zusammenfassung";
    public static string Submit(string lang, Guid draft) => $"/{lang}/antrag/{draft}/absenden";
    public static string Saved(string lang, Guid draft) => $"/{lang}/antrag/{draft}/gespeichert";
    public static string Resume(string lang, Guid draft, string secret) => $"/{lang}/weiter/{draft}?key={Uri.EscapeDataString(secret)}";
    public static string Receipt(string lang, string reference, string secret) => $"/{lang}/eingang/{reference}?key={Uri.EscapeDataString(secret)}";
    public static string Pdf(string lang, string reference, string secret) => $"/{lang}/eingang/{reference}/antrag.pdf?key={Uri.EscapeDataString(secret)}";
    public static string StatusForm(string lang) => $"/{lang}/status";
    public static string StatusPost(string lang) => $"/{lang}/status/abfragen";

    public static string HandIn(string lang, string reference) => $"/{lang}/status/{reference}/nachreichen";
    public static string CaseFile(string lang, string reference, Guid fileId, string secret) => $"/{lang}/status/{reference}/dateien/{fileId}?key={Uri.EscapeDataString(secret)}";

    /// <summary>The status page after a hand-in: its receipt number, or the problem that refused it.</summary>
    public static string StatusAfterHandIn(string lang, string reference, string secret, string? receipt, string? problem) =>
        Status(lang, reference, secret) + (receipt is null ? "" : $"&eingereicht={Uri.EscapeDataString(receipt)}") + (problem is null ? "" : $"&fehler={problem}") + (problem is null ? "#messages-title" : "#handin-title");

    /// <summary>The status form again with a problem (<c>1</c>: something missing, <c>code</c>: no match) and the typed reference.</summary>
    public static string StatusFormWithProblem(string lang, string problem, string reference) =>
        $"/{lang}/status?fehler={problem}" + (reference.Length is > 0 and <= 40 ? $"&nummer={Uri.EscapeDataString(reference)}" : "");
    public static string Status(string lang, string reference, string secret) => $"/{lang}/status/{reference}?key={Uri.EscapeDataString(secret)}";
    public static string SignIn(string lang, string returnUrl) => $"/{lang}/anmelden?ziel={Uri.EscapeDataString(returnUrl)}";
    public static string SignInPost(string lang) => $"/{lang}/anmelden/entwicklung";
    public static string Account(string lang) => $"/{lang}/konto";
    public static string AccountContinue(string lang, Guid draft) => $"/{lang}/konto/entwuerfe/{draft}/fortsetzen";
    public static string AccountDelete(string lang, Guid draft) => $"/{lang}/konto/entwuerfe/{draft}/loeschen";
    public static string RulesScript(string formId, string version, string contentHash) => $"/forms/{formId}/{version}/{contentHash[..16]}/rules.js";

    /// <summary>The id of the service page's start form: definitions link to "apply for X" there (starting is a post).</summary>
    public const string StartAnchor = "antrag-starten";

    /// <summary>
    /// A portal path written in a definition's text, as the portal's URL in the citizen's language:
    /// <c>/services/{id}</c> → the service page, <c>/apply/{id}</c> → its start button, <c>/beratung</c> → the
    /// Beratungsstellenfinder (<c>/beratung/{topic}</c>: with that topic chosen). Other paths stay as they are.
    /// </summary>
    public static string DefinitionLink(string lang, string path) => path.Split('/') switch
    {
        ["", "services", var id] when id.Length > 0 => Service(lang, id),
        ["", "apply", var id] when id.Length > 0 => $"{Service(lang, id)}#{StartAnchor}",
        ["", "beratung"] => Centres.Web.Hosting.CentreRoutes.Finder(lang),
        ["", "beratung", var topic] when topic.Length > 0 => Centres.Web.Hosting.CentreRoutes.Finder(lang, topic),
        _ => path,
    };

    /// <summary>A return address is used only when it is a path of this portal (no open redirects).</summary>
    public static string SafeLocal(string? url, string fallback) =>
        url is { Length: > 1 } && url[0] == '/' && url[1] != '/' && url[1] != '\\' ? url : fallback;
}
