namespace Sozialplattform.Web.Tests.Infrastructure;

/// <summary>Small definitions only the tests need: script payloads in texts, and forms that require a login.</summary>
public static class TestForms
{
    public const string ScriptPayload = "<script>window.__pwned = true</script><img src=x onerror=\"window.__pwned = true\">";

    public static string Xss => $$"""
        { "id": "xss", "version": "1.0.0", "status": "published", "languages": ["de", "en"],
          "title": { "de": "Skripttest {{Escape(ScriptPayload)}}", "en": "Script test" },
          "topic": "tests",
          "pages": [ { "id": "seite", "title": { "de": "Seite", "en": "Page" }, "items": [
            { "key": "name", "type": "text", "label": { "de": "Name {{Escape(ScriptPayload)}}", "en": "Name {{Escape(ScriptPayload)}}" }, "required": true },
            { "key": "hinweis", "type": "info", "text": { "de": "Hinweis {{Escape(ScriptPayload)}} [Link](javascript:alert(1))", "en": "Note" } }
          ] } ] }
        """;

    public static string Login(string id, string when, string moreAccess = "") => $$"""
        { "id": "{{id}}", "version": "1.0.0", "status": "published", "languages": ["de", "en"],
          "title": { "de": "Anmeldung {{when}}", "en": "Login {{when}}" }, "topic": "tests",
          "access": { "login": "{{when}}"{{moreAccess}} },
          "pages": [ { "id": "seite", "title": { "de": "Seite", "en": "Page" }, "items": [
            { "key": "name", "type": "text", "label": { "de": "Name", "en": "Name" }, "required": true }
          ] } ] }
        """;

    /// <summary>
    /// A form at level substantial with a new login before sending, whose fields start with the signed-in citizen's name
    /// (not to be changed) and address, and whose household's first row (the applicant) with their given name and birth date (fixed).
    /// </summary>
    public const string Prefill = """
        { "id": "login-prefill", "version": "1.0.0", "status": "published", "languages": ["de", "en"],
          "title": { "de": "Vorbelegt", "en": "Prefilled" }, "topic": "tests",
          "access": { "login": "beforeFilling", "level": "substantial", "reauthenticate": true },
          "pages": [ { "id": "seite", "title": { "de": "Seite", "en": "Page" }, "items": [
            { "key": "nachname", "type": "text", "label": { "de": "Nachname", "en": "Family name" }, "required": true, "prefill": "identity.family_name", "prefillEditable": false },
            { "key": "anschrift", "type": "address", "label": { "de": "Anschrift", "en": "Address" }, "required": true, "prefill": "identity.address" },
            { "key": "personen", "type": "group", "title": { "de": "Personen im Haushalt", "en": "Persons in the household" },
              "repeat": { "min": 1, "max": 5, "addLabel": { "de": "Person hinzufügen", "en": "Add person" }, "rowLabel": { "de": "Person {n}", "en": "Person {n}" } },
              "items": [
                { "key": "vorname", "type": "text", "label": { "de": "Vorname", "en": "Given name" }, "required": true, "prefill": "identity.given_name" },
                { "key": "geburtsdatum", "type": "date", "label": { "de": "Geburtsdatum", "en": "Date of birth" }, "required": true, "prefill": "identity.birthdate", "prefillEditable": false },
                { "key": "kontakt", "type": "group", "title": { "de": "Kontakt", "en": "Contact" }, "items": [
                  { "key": "email", "type": "email", "label": { "de": "E-Mail", "en": "E-mail" }, "prefill": "identity.email" } ] }
              ] }
          ] } ] }
        """;

    /// <summary>A form whose first declaration confirms the notes of its page "hinweise" (<c>page</c>), the second stands on its own.</summary>
    public const string DeclarationsWithPage = """
        { "id": "erklaerungen-seite", "version": "1.0.0", "status": "published", "languages": ["de", "en"],
          "title": { "de": "Erklärungen mit Seite", "en": "Declarations with page" }, "topic": "tests",
          "pages": [
            { "id": "angaben", "title": { "de": "Angaben", "en": "Details" }, "items": [
              { "key": "name", "type": "text", "label": { "de": "Name", "en": "Name" }, "required": true } ] },
            { "id": "hinweise", "title": { "de": "Hinweise und Erklärungen", "en": "Notes" }, "items": [
              { "key": "text", "type": "info", "text": { "de": "Ihre Mitwirkungspflichten …", "en": "Your duties …" } } ] } ],
          "declarations": [
            { "key": "mitwirkung", "page": "hinweise", "text": { "de": "Ich habe die Hinweise gelesen.", "en": "I have read the notes." } },
            { "key": "wahrheit", "text": { "de": "Meine Angaben sind richtig.", "en": "My details are correct." } } ] }
        """;

    /// <summary>A questionnaire whose definition asks for a login: the portal must not (questionnaires are anonymous).</summary>
    public const string QuestionnaireWithLogin = """
        { "id": "fragebogen-login", "version": "1.0.0", "status": "published", "purpose": "questionnaire", "languages": ["de", "en"],
          "title": { "de": "Fragebogen mit Anmeldung", "en": "Questionnaire with login" }, "topic": "tests",
          "access": { "login": "beforeFilling" },
          "pages": [
            { "id": "frage", "title": { "de": "Frage", "en": "Question" }, "items": [
              { "key": "alter", "type": "integer", "label": { "de": "Alter", "en": "Age" }, "required": true } ] },
            { "id": "ergebnis", "title": { "de": "Ergebnis", "en": "Result" }, "items": [
              { "key": "volljaehrig", "type": "info", "text": { "de": "Volljährig", "en": "Adult" }, "visibleIf": "alter >= 18" } ] }
          ] }
        """;

    /// <summary>A page with 30 validations that each loop until stopped: the request's rule budget must end the check.</summary>
    public static string LoopingValidations => $$"""
        { "id": "schleife-pruefungen", "version": "1.0.0", "status": "published", "languages": ["de", "en"],
          "title": { "de": "Schleifen in Prüfungen", "en": "Loops in checks" }, "topic": "tests",
          "pages": [ { "id": "seite", "title": { "de": "Seite", "en": "Page" }, "items": [
            { "key": "name", "type": "text", "label": { "de": "Name", "en": "Name" } } ],
            "validations": [ {{string.Join(", ", Enumerable.Range(1, 30).Select(i =>
                $$$"""{ "when": "(() => { let i = 0; while (true) i++; })()", "message": { "de": "Schleife {{{i}}}" }, "code": "schleife{{{i}}}" }"""))}} ] } ] }
        """;

    /// <summary>A condition that never ends (it would freeze the citizen's tab) beside an ordinary one.</summary>
    public const string LoopingCondition = """
        { "id": "schleife-sichtbar", "version": "1.0.0", "status": "published", "languages": ["de", "en"],
          "title": { "de": "Schleife in einer Bedingung", "en": "Loop in a condition" }, "topic": "tests",
          "pages": [ { "id": "seite", "title": { "de": "Seite", "en": "Page" }, "items": [
            { "key": "name", "type": "text", "label": { "de": "Name", "en": "Name" } },
            { "key": "endlos", "type": "text", "label": { "de": "Endlos", "en": "Endless" }, "visibleIf": "(() => { while (name !== 'nie') {} return true; })()" },
            { "key": "gruss", "type": "text", "label": { "de": "Gruß", "en": "Greeting" }, "visibleIf": "name === 'Zeigen'" } ] } ] }
        """;

    private static string Escape(string text) => text.Replace("\\", "\\\\").Replace("\"", "\\\"");
}
