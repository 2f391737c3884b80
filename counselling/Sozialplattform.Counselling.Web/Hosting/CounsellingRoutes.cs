using Sozialplattform.Centres.Web.Staff;

namespace Sozialplattform.Counselling.Web.Hosting;

/// <summary>
/// Every URL of the online counselling. The seeker's pages are the portal's (<c>/{lang}/online-beratung/…</c>); the
/// counsellors' are under the centres' self-service root, so the staff's one session cookie reaches them.
/// </summary>
public static class CounsellingRoutes
{
    public static string Start(string lang) => $"/{lang}/online-beratung";

    public static string Register(string lang, Guid? centreId = null, string? topic = null) => $"/{lang}/online-beratung/registrieren" + Query(centreId, topic);

    public static string Login(string lang, Guid? centreId = null, string? topic = null) => $"/{lang}/online-beratung/anmelden" + Query(centreId, topic);

    public static string Reset(string lang) => $"/{lang}/online-beratung/passwort-vergessen";

    public static string Logout(string lang) => $"/{lang}/online-beratung/abmelden";

    public static string RecoveryFile(string lang) => $"/{lang}/online-beratung/wiederherstellungscode.txt";

    public static string Enquiry(string lang, Guid? centreId = null, string? topic = null) => $"/{lang}/online-beratung/anfrage" + Query(centreId, topic);

    public static string DeleteAccount(string lang) => $"/{lang}/online-beratung/konto-loeschen";

    public static string Conversation(string lang, Guid id) => $"/{lang}/online-beratung/gespraech/{id}";

    public static string Export(string lang, Guid id, string format) => $"/{lang}/online-beratung/gespraech/{id}/export.{format}";

    public static string File(string lang, Guid id, Guid fileId) => $"/{lang}/online-beratung/gespraech/{id}/datei/{fileId}";

    public static string DeskFile(string lang, Guid centreId, Guid id, Guid fileId) => $"{DeskConversation(lang, centreId, id)}/datei/{fileId}";

    public static string Desk(string lang, Guid centreId) => $"{StaffRoutes.Root}/{lang}/online-beratung/{centreId}";

    public static string DeskConversation(string lang, Guid centreId, Guid id) => $"{StaffRoutes.Root}/{lang}/online-beratung/{centreId}/gespraech/{id}";

    public static string Archive(string lang, Guid centreId) => $"{StaffRoutes.Root}/{lang}/online-beratung/{centreId}/archiv";

    public static string Team(string lang, Guid centreId) => $"{StaffRoutes.Root}/{lang}/online-beratung/{centreId}/team";

    public static string Absence(string lang, Guid centreId) => $"{StaffRoutes.Root}/{lang}/online-beratung/{centreId}/abwesenheit";

    public static string ReplyTime(string lang, Guid centreId) => $"{StaffRoutes.Root}/{lang}/online-beratung/{centreId}/antwortzeit";

    public static string TextBlocks(string lang, Guid centreId) => $"{StaffRoutes.Root}/{lang}/online-beratung/{centreId}/textbausteine";

    public static string AccessLog(string lang, Guid centreId) => $"{StaffRoutes.Root}/{lang}/online-beratung/{centreId}/protokoll";

    private static string Query(Guid? centreId, string? topic) =>
        centreId is { } id ? $"?stelle={id}" + (topic is { Length: > 0 } t ? "&thema=" + Uri.EscapeDataString(t) : "") : "";
}
