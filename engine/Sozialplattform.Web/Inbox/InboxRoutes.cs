using Sozialplattform.Storage.Entities;
using Sozialplattform.Storage.Outbox;

namespace Sozialplattform.Web.Inbox;

/// <summary>Every URL of the authority inbox in one place; all under <c>/posteingang</c>.</summary>
public static class InboxRoutes
{
    public const string Root = "/posteingang";
    public const string Login = Root + "/anmelden";
    public const string Logout = Root + "/abmelden";
    public const string SecondFactor = Login + "/code";
    public const string SecondFactorEnrolment = Login + "/einrichten";
    public const string Deadlines = Root + "/fristen";

    /// <summary>The authority's appointment calendars (the appointments' back office, mounted under the inbox).</summary>
    public static string Appointments(string lang) => $"{Root}/termine/{lang}";

    public static string LoginReturning(string returnUrl) => $"{Login}?ziel={Uri.EscapeDataString(returnUrl)}";
    public static string Language(string lang, string returnUrl) => $"{Root}/sprache/{lang}?ziel={Uri.EscapeDataString(returnUrl)}";
    public static string Submission(Guid id) => $"{Root}/antraege/{id}";
    public static string File(Guid id, Guid fileId) => $"{Submission(id)}/dateien/{fileId}";
    public static string Preview(Guid id, Guid fileId) => $"{File(id, fileId)}/ansicht";
    public static string Messages(Guid id) => $"{Submission(id)}/mitteilungen";
    public static string Assign(Guid id) => $"{Submission(id)}/zuweisung";
    public static string Forward(Guid id) => $"{Submission(id)}/weiterleitung";
    public static string LetterDraft(Guid id) => $"{Submission(id)}/bescheidentwurf";
    public static string Letter(Guid id) => $"{Submission(id)}/bescheidbrief";
    public static string Checklist(Guid id) => $"{Submission(id)}/checkliste";
    public static string Dossier(Guid id) => $"{Submission(id)}/akte";
    public static string Team(Guid id) => $"{Submission(id)}/team";
    public static string Hold(Guid id) => $"{Submission(id)}/loeschsperre";
    public static string Archive(Guid id) => $"{Submission(id)}/archiv.zip";

    /// <summary>The authority's teams, kept by its leads.</summary>
    public const string Teams = Root + "/teams";
    public static string TeamMembers(Guid teamId) => $"{Teams}/{teamId}/mitglieder";
    public static string TeamName(Guid teamId) => $"{Teams}/{teamId}/name";
    public static string TeamDelete(Guid teamId) => $"{Teams}/{teamId}/loeschen";

    /// <summary>Retention at the lead's authority: cases due for deletion, cases on hold, the deletion log.</summary>
    public const string Retention = Root + "/aufbewahrung";

    /// <summary>The retention page filtered by service (form id; empty: all), each of its two long lists on a page.</summary>
    public static string RetentionPage(string service, int duePage, int logPage)
    {
        var pairs = new List<string>();
        if (service.Length > 0) pairs.Add("dienst=" + Uri.EscapeDataString(service));
        if (duePage > 1) pairs.Add($"faellig={duePage}");
        if (logPage > 1) pairs.Add($"seite={logPage}");
        return pairs.Count == 0 ? Retention : $"{Retention}?{string.Join('&', pairs)}";
    }

    /// <summary>The list narrowed to the cases of one case file.</summary>
    public static string CasesInFile(string fileNumber) => $"{Root}?akte={Uri.EscapeDataString(fileNumber)}";
    public static string Json(Guid id) => $"{Submission(id)}/antrag.json";
    public static string Xml(Guid id) => $"{Submission(id)}/antrag.xml";
    public static string Status(Guid id) => $"{Submission(id)}/status";
    public static string Notes(Guid id) => $"{Submission(id)}/notizen";
    public static string FollowUps(Guid id) => $"{Submission(id)}/wiedervorlagen";
    public static string FollowUpDone(Guid id, Guid followUpId) => $"{Submission(id)}/wiedervorlagen/{followUpId}/erledigt";

    /// <summary>The operations page of operators (<see cref="CaseworkerRole.Operator"/>): deliveries that need attention.</summary>
    public const string Operations = Root + "/betrieb";
    public const string OperationsRetry = Operations + "/erneut-versuchen";

    public static string OperationsView(OutboxView view, Guid? retried = null)
    {
        var pairs = new List<string>();
        if (view != OutboxView.Attention) pairs.Add($"status={view}");
        if (retried is { } id) pairs.Add($"erneut={id}");
        return pairs.Count == 0 ? Operations : $"{Operations}?{string.Join('&', pairs)}";
    }

    /// <summary>Where an account starts: operators on the operations page, everyone else on the list.</summary>
    public static string Home(CaseworkerRole role) => role == CaseworkerRole.Operator ? Operations : Root;

    /// <summary>A return address is used only when it is an inbox path (no open redirects).</summary>
    public static string SafeReturn(string? url) =>
        url is { Length: > 1 } && url.StartsWith(Root, StringComparison.Ordinal) && !url.Contains("//", StringComparison.Ordinal) && !url.Contains('\\') ? url : Root;

    /// <summary>Where a login leads: the safe return address when the account's role may open it, else the role's <see cref="Home"/>.</summary>
    public static string Landing(string? url, CaseworkerRole role)
    {
        var safe = SafeReturn(url);
        var operations = safe == Operations || safe.StartsWith(Operations + "/", StringComparison.Ordinal) || safe.StartsWith(Operations + "?", StringComparison.Ordinal);
        return operations == (role == CaseworkerRole.Operator) ? safe : Home(role);
    }
}
