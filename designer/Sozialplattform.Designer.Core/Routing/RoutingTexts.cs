namespace Sozialplattform.Designer.Routing;

/// <summary>The routing panel's German texts for problems and kinds of authority.</summary>
public static class RoutingTexts
{
    public static string German(PostalCodeProblem problem, string postalCode) => problem switch
    {
        PostalCodeProblem.Empty => "Bitte geben Sie eine Postleitzahl ein.",
        PostalCodeProblem.NotFiveDigits => $"„{Short(postalCode)}“ ist keine Postleitzahl: eine Postleitzahl hat genau fünf Ziffern, z. B. 52525.",
        PostalCodeProblem.Unknown => $"Die Postleitzahl {postalCode} gibt es nicht (sie steht nicht in den Postleitzahl-Daten des Portals).",
        _ => problem.ToString(),
    };

    public static string German(RoutingEditProblem problem) => problem.Code switch
    {
        RoutingEditCode.NotSignedIn => "Sie sind nicht angemeldet.",
        RoutingEditCode.NotEditor => "Die Zuständigkeit ändern darf nur die Redaktion.",
        RoutingEditCode.NoStore => "Die Zuständigkeit kann hier nicht gespeichert werden (der Designer läuft ohne die Datenbank der Plattform).",
        RoutingEditCode.UnknownTenant => $"Den Mandanten „{problem.Detail}“ gibt es nicht.",
        RoutingEditCode.NoRole => "Bitte wählen Sie eine Behördenart.",
        RoutingEditCode.UnknownRole => $"Die Behördenart „{problem.Detail}“ hat bei diesem Mandanten keine zuständige Stelle (keine Zuordnung in der routing.json).",
        RoutingEditCode.UnknownAnswer => $"Regel {problem.Rule}: „{problem.Detail}“ ist kein Auswahlfeld des Formulars (außerhalb wiederholter Gruppen).",
        RoutingEditCode.NoValues => $"Regel {problem.Rule}: bitte mindestens einen Wert ankreuzen.",
        RoutingEditCode.UnknownValue => $"Regel {problem.Rule}: „{problem.Detail}“ ist keine Auswahl dieses Feldes.",
        RoutingEditCode.TooMany => $"Höchstens {ServiceRoutingEditor.MaxRules} Regeln.",
        RoutingEditCode.NoForm => "Das Formular hat Fehler; Regeln nach Antworten lassen sich erst prüfen, wenn es geladen werden kann.",
        RoutingEditCode.Conflict => $"Inzwischen hat {problem.Detail} die Zuständigkeit geändert. Bitte laden Sie neu und prüfen Sie sie.",
        _ => problem.Code.ToString(),
    };

    /// <summary>A kind of authority in words (the role's id where it has no name).</summary>
    public static string Role(string role) => role switch
    {
        "jobcenter" => "Jobcenter",
        "sozialamt" => "Sozialamt",
        "wohnungsamt" => "Wohnungsamt",
        "asylbewerberleistungen" => "Leistungsbehörde nach dem AsylbLG (Gemeinde)",
        "sozialhilfetraeger" => "Sozialhilfeträger (Kreis)",
        "landschaftsverband" => "Landschaftsverband",
        _ => role,
    };

    private static string Short(string text) => text.Length <= 20 ? text : text[..20] + "…";
}
