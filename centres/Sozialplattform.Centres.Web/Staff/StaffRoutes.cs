namespace Sozialplattform.Centres.Web.Staff;

/// <summary>Every URL of the centres' self-service (staff and the editorial team), under one root so its cookie goes nowhere else.</summary>
public static class StaffRoutes
{
    public const string Root = "/beratungsstellen-verwaltung";

    public static string Home(string lang) => $"{Root}/{lang}";

    public static string Login(string lang) => $"{Root}/{lang}/anmelden";

    public static string Code(string lang) => $"{Root}/{lang}/anmelden/code";

    public static string Enrolment(string lang) => $"{Root}/{lang}/anmelden/einrichten";

    public static string Logout(string lang) => $"{Root}/{lang}/abmelden";

    public static string Edit(string lang, Guid id) => $"{Root}/{lang}/stellen/{id}";

    public static string Confirm(string lang, Guid id) => $"{Root}/{lang}/stellen/{id}/bestaetigen";

    public static string Review(string lang, Guid id) => $"{Root}/{lang}/pruefung/{id}";

    /// <summary>The editorial team's list of the tenant's logins.</summary>
    public static string Accounts(string lang) => $"{Root}/{lang}/konten";

    public static string NewAccount(string lang) => $"{Root}/{lang}/konten/neu";

    public static string ResetSecondFactor(string lang, Guid id) => $"{Root}/{lang}/konten/{id}/zweiter-faktor";
}
