using System.Text;
using System.Text.Encodings.Web;
using OpenIddict.Abstractions;

namespace Sozialplattform.IdentityProvider;

/// <summary>The provider's pages: plain HTML, everything encoded. The login page carries the authorization request on as hidden fields.</summary>
internal static class TestUserPage
{
    private static readonly HtmlEncoder Html = HtmlEncoder.Default;

    public static string Render(OpenIddictRequest request, LocalProviderOptions options)
    {
        var requested = ((string?)request["acr_values"])?.Split(' ', StringSplitOptions.RemoveEmptyEntries) ?? [];
        var preselected = options.Levels.FirstOrDefault(l => requested.Contains(l.Value)).Key ?? options.Levels.Keys.Last();
        var page = new StringBuilder();
        page.Append("<!DOCTYPE html><html lang=\"de\"><head><meta charset=\"utf-8\"><title>Lokaler Identitätsanbieter – Anmeldung</title></head><body><main>");
        page.Append("<h1>Lokaler Identitätsanbieter (wie BundID)</h1><p><strong>Nur für Entwicklung und Tests:</strong> wählen Sie eine Testperson und das Vertrauensniveau.</p>");
        page.Append("<form method=\"post\" action=\"/connect/authorize\">");
        foreach (var (name, value) in request.GetParameters())
            if (name is not ("user" or "level")) page.Append($"<input type=\"hidden\" name=\"{Html.Encode(name)}\" value=\"{Html.Encode((string?)value ?? "")}\">");
        page.Append("<fieldset><legend>Testperson</legend>");
        for (var i = 0; i < options.Users.Count; i++)
        {
            var user = options.Users[i];
            page.Append($"<div><input type=\"radio\" id=\"user-{i}\" name=\"user\" value=\"{Html.Encode(user.Subject)}\"{(i == 0 ? " checked" : "")}>")
                .Append($"<label for=\"user-{i}\">{Html.Encode(user.Name)}, geb. {Html.Encode(user.Birthdate)}, {Html.Encode(user.Locality)}</label></div>");
        }

        page.Append("</fieldset><fieldset><legend>Vertrauensniveau</legend>");
        foreach (var level in options.Levels.Keys)
            page.Append($"<div><input type=\"radio\" id=\"level-{Html.Encode(level)}\" name=\"level\" value=\"{Html.Encode(level)}\"{(level == preselected ? " checked" : "")}>")
                .Append($"<label for=\"level-{Html.Encode(level)}\">{Html.Encode(level)}</label></div>");
        page.Append($"</fieldset><p>Angefragt: {Html.Encode(string.Join(", ", requested))}</p><button type=\"submit\">Anmelden</button></form></main></body></html>");
        return page.ToString();
    }

    public static string Home(LocalProviderOptions options) =>
        $"<!DOCTYPE html><html lang=\"de\"><head><meta charset=\"utf-8\"><title>Lokaler Identitätsanbieter</title></head><body><main><h1>Lokaler Identitätsanbieter</h1>" +
        $"<p>OpenID Connect: <a href=\"/.well-known/openid-configuration\">Discovery</a>. Nur für Entwicklung und Tests.</p><p>{options.Users.Count} Testpersonen, Niveaus: {Html.Encode(string.Join(", ", options.Levels.Keys))}.</p></main></body></html>";
}
