namespace Sozialplattform.Designer.Hosting;

/// <summary>A way to sign in to the designer besides the password: the button's provider name and where it starts the login.</summary>
public sealed record ExternalLogin(string Name, string Url);

/// <summary>
/// The other ways into the designer the host offers (its single sign-on providers with an author role), shown on the
/// login page. The designer has none of its own; a host registers its list before <c>AddDesigner</c>.
/// </summary>
public sealed record DesignerExternalLogins(IReadOnlyList<ExternalLogin> All)
{
    /// <summary>The reasons a host gives (<c>?sso=…</c>) when it refused an external login, with what the page says.</summary>
    public static readonly IReadOnlyDictionary<string, string> Refusals = new Dictionary<string, string>
    {
        ["anbieter"] = "Die Anmeldung beim Anbieter ist nicht gelungen oder wurde abgebrochen. Bitte versuchen Sie es noch einmal.",
        ["keine-rolle"] = "Ihr Konto beim Anbieter hat keine Rolle, die den Designer öffnet. Bitte wenden Sie sich an die Verwaltung Ihrer Zugänge.",
        ["mfa"] = "Der Anbieter hat keinen zweiten Faktor bestätigt. Melden Sie sich dort mit zweitem Faktor an.",
        ["kennung"] = "Die Kennung, die der Anbieter übermittelt, kann hier nicht verwendet werden.",
    };
}
