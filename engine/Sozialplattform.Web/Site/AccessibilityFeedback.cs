using System.Globalization;
using Microsoft.AspNetCore.Http;
using MimeKit;
using Sozialplattform.Storage.Notifications;
using Sozialplattform.Web.Catalog;
using Sozialplattform.Web.Components.Form;
using Sozialplattform.Web.Components.Pages;
using Sozialplattform.Web.Hosting;
using Sozialplattform.Web.Localization;

namespace Sozialplattform.Web.Site;

/// <summary>
/// The feedback form of the accessibility statement (BITV 2.0 § 7): checked, then queued as an e-mail to the tenant's
/// contact address through the platform's mail queue; shown again with its problems (and what was typed) when wrong.
/// </summary>
public static class AccessibilityFeedback
{
    public const int MaxMessageLength = 5000;
    public const int MaxEmailLength = 254;

    public static async Task<IResult> PostAsync(string lang, HttpContext http, SitePages site, MailQueue mails, PortalOptions portal, PortalBranding branding, ChromeTexts texts)
    {
        var form = await http.Request.ReadFormAsync(http.RequestAborted);
        var message = form["nachricht"].ToString().Trim();
        var email = form["email"].ToString().Trim();
        var errors = new List<ErrorSummary.Item>();
        if (message.Length == 0) errors.Add(new(texts.Get(lang, "feedback.missing"), "#nachricht"));
        else if (message.Length > MaxMessageLength) errors.Add(new(texts.Get(lang, "feedback.tooLong", MaxMessageLength), "#nachricht"));
        if (email.Length > 0 && (email.Length > MaxEmailLength || !MailboxAddress.TryParse(email, out var parsed) || parsed.Address != email || !email.Contains('@', StringComparison.Ordinal)))
            errors.Add(new(texts.Get(lang, "feedback.badEmail"), "#email"));
        if (site.FeedbackAddress is null) return Results.NotFound();
        if (errors.Count > 0)
        {
            return PortalDocument.Of<SitePage>(new Dictionary<string, object?>
            {
                [nameof(SitePage.Lang)] = lang, [nameof(SitePage.Errors)] = errors,
                [nameof(SitePage.Message)] = message.Length > MaxMessageLength ? message[..MaxMessageLength] : message, [nameof(SitePage.Email)] = email,
            }, StatusCodes.Status400BadRequest);
        }

        var now = DateTimeOffset.UtcNow;
        var body = $"""
            Rückmeldung zur Barrierefreiheit über das Formular der Erklärung zur Barrierefreiheit
            Portal: {branding.Name.Get("de")}
            Sprache der Seite: {lang}
            Eingegangen: {now.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC
            Antwort erbeten an: {(email.Length > 0 ? email : "keine Adresse angegeben")}

            {message}
            """;
        await mails.EnqueueAsync(portal.Tenant, "site.accessibility-feedback",
            new QueuedMail(site.FeedbackAddress, $"Rückmeldung zur Barrierefreiheit ({branding.Name.Get("de")})", body, "de"), cancellationToken: http.RequestAborted);
        return Results.Redirect($"/{lang}/barrierefreiheit?rueckmeldung=gesendet#rueckmeldung");
    }
}
