namespace Sozialplattform.Web.Inbox;

/// <summary>Every URL of the authority inbox in one place; all under <c>/posteingang</c>.</summary>
public static class InboxRoutes
{
    public const string Root = "/posteingang";
    public const string Login = Root + "/anmelden";
    public const string Logout = Root + "/abmelden";
    public const string Deadlines = Root + "/fristen";

    public static string LoginReturning(string returnUrl) => $"{Login}?ziel={Uri.EscapeDataString(returnUrl)}";
    public static string Language(string lang, string returnUrl) => $"{Root}/sprache/{lang}?ziel={Uri.EscapeDataString(returnUrl)}";
    public static string Submission(Guid id) => $"{Root}/antraege/{id}";
    public static string File(Guid id, Guid fileId) => $"{Submission(id)}/dateien/{fileId}";
    public static string Json(Guid id) => $"{Submission(id)}/antrag.json";
    public static string Xml(Guid id) => $"{Submission(id)}/antrag.xml";
    public static string Status(Guid id) => $"{Submission(id)}/status";
    public static string Notes(Guid id) => $"{Submission(id)}/notizen";
    public static string FollowUps(Guid id) => $"{Submission(id)}/wiedervorlagen";
    public static string FollowUpDone(Guid id, Guid followUpId) => $"{Submission(id)}/wiedervorlagen/{followUpId}/erledigt";

    /// <summary>A return address is used only when it is an inbox path (no open redirects).</summary>
    public static string SafeReturn(string? url) =>
        url is { Length: > 1 } && url.StartsWith(Root, StringComparison.Ordinal) && !url.Contains("//", StringComparison.Ordinal) && !url.Contains('\\') ? url : Root;
}
