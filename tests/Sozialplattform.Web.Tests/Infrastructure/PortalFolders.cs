namespace Sozialplattform.Web.Tests.Infrastructure;

/// <summary>
/// A temporary folder per test host: the SQLite database and key, a tenant "test" that routes every sample, test and
/// catalog form by postal-code range to its Sozialamt (the Jobcenter for the catalog's answer-based routing rules),
/// and a catalog with the test-only forms.
/// </summary>
public sealed class PortalFolders : IDisposable
{
    /// <summary>Every sample and test form and every form of the service catalog (a test host may offer <c>forms-catalog</c> as well).</summary>
    public static readonly string[] RoutedForms =
    [
        "alle-feldtypen", "haushalt", "kinder-bildung", "kontakt", "nachweise", "wohnkosten", "xss", "login-filling", "login-submitting", "login-substantial", "login-prefill", "schleife-pruefungen", "schleife-sichtbar", "erklaerungen-seite",
        .. Directory.GetDirectories(Path.Combine(RepositoryPaths.FormsCatalog, "forms")).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal),
    ];

    public PortalFolders()
    {
        Root = Path.Combine(Path.GetTempPath(), "sozial-web-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(Tenant);
        // Staff sign in with the password alone here; the second factor (required by default) has its own tests (InboxSecondFactorTests).
        Write(Path.Combine(Tenant, "tenant.json"), """{ "id": "test", "name": "Test-Mandant", "defaultLanguage": "de", "contact": { "email": "test@example.org" }, "staff": { "secondFactor": "off" } }""");
        Write(Path.Combine(Tenant, "authorities.json"), """
            { "authorities": [
              { "id": "sozialamt-test", "name": "Sozialamt Teststadt", "role": "sozialamt", "address": ["Sozialamt Teststadt", "Rathausplatz 1", "12345 Teststadt"],
                "contact": { "email": "sozialamt@example.org", "phone": "0221 1234567", "web": "https://teststadt.example/sozialamt" },
                "openingHours": [ { "days": "Mo-Fr", "from": "08:00", "to": "12:00" }, { "days": "Do", "from": "14:00", "to": "18:00" } ],
                "channel": { "type": "inbox", "options": {} } },
              { "id": "jobcenter-test", "name": "Jobcenter Teststadt", "role": "jobcenter", "address": ["Jobcenter Teststadt", "Marktplatz 2", "12345 Teststadt"],
                "contact": { "email": "jobcenter@example.org" }, "channel": { "type": "inbox", "options": {} } } ] }
            """);
        var services = string.Join(", ", RoutedForms.Select(f => $"\"{f}\": \"sozialamt\""));
        Write(Path.Combine(Tenant, "routing.json"), $$"""
            { "services": { {{services}} },
              "assignments": [ { "role": "sozialamt", "postalCodes": ["01000-99999"], "authority": "sozialamt-test" },
                               { "role": "jobcenter", "postalCodes": ["01000-99999"], "authority": "jobcenter-test" } ] }
            """);
        // The legal and help pages of the example tenant (the portal's footer links to them).
        foreach (var page in Directory.GetFiles(Path.Combine(RepositoryPaths.FormsCatalog, "tenants", "nrw", "pages"), "*.md"))
            Write(Path.Combine(Tenant, "pages", Path.GetFileName(page)), File.ReadAllText(page));
        Write(Path.Combine(Catalog, "catalog.json"), """{ "name": { "de": "Testformulare" }, "topics": [ { "id": "tests", "title": { "de": "Tests", "en": "Tests" } } ] }""");
        Write(Path.Combine(Catalog, "forms", "xss", "1.0.0", "form.json"), TestForms.Xss);
        Write(Path.Combine(Catalog, "forms", "login-filling", "1.0.0", "form.json"), TestForms.Login("login-filling", "beforeFilling"));
        Write(Path.Combine(Catalog, "forms", "login-submitting", "1.0.0", "form.json"), TestForms.Login("login-submitting", "beforeSubmitting"));
        Write(Path.Combine(Catalog, "forms", "login-prefill", "1.0.0", "form.json"), TestForms.Prefill);
        Write(Path.Combine(Catalog, "forms", "login-substantial", "1.0.0", "form.json"),
            TestForms.Login("login-substantial", "beforeFilling", """, "level": "substantial", "reauthenticate": true"""));
        Write(Path.Combine(Catalog, "forms", "fragebogen-login", "1.0.0", "form.json"), TestForms.QuestionnaireWithLogin);
        Write(Path.Combine(Catalog, "forms", "schleife-pruefungen", "1.0.0", "form.json"), TestForms.LoopingValidations);
        Write(Path.Combine(Catalog, "forms", "schleife-sichtbar", "1.0.0", "form.json"), TestForms.LoopingCondition);
        Write(Path.Combine(Catalog, "forms", "erklaerungen-seite", "1.0.0", "form.json"), TestForms.DeclarationsWithPage);
    }

    public string Root { get; }
    public string Data => Path.Combine(Root, "data");
    public string Tenants => Path.Combine(Root, "tenants");
    public string Tenant => Path.Combine(Tenants, "test");
    public string Catalog => Path.Combine(Root, "catalog");
    public string Database => Path.Combine(Data, "sozialplattform.db");

    private static void Write(string path, string text)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(Root, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
