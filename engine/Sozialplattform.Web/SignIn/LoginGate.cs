using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Sozialplattform.Engine.Definitions;
using Sozialplattform.Web.Drafts;

namespace Sozialplattform.Web.SignIn;

/// <summary>Where in the wizard a login is needed, and that a draft started by one citizen is continued only by them.</summary>
public sealed class LoginGate(ICitizenSignIn signIn)
{
    public enum Moment
    {
        Filling,
        Submitting,
    }

    /// <summary>Whether the form needs a login at that moment; a questionnaire never does (it is anonymous orientation).</summary>
    public bool Needs(FormDefinition form, Moment moment) => !Wizard.FormJourney.IsQuestionnaire(form) && form.Login switch
    {
        LoginRequirement.BeforeFilling => true,
        LoginRequirement.BeforeSubmitting => moment == Moment.Submitting,
        _ => false,
    };

    /// <summary>
    /// Whether the portal can take this form at all: one that needs a login (before filling or before sending) cannot
    /// be started when citizens have no way to sign in — the service page says so instead of failing at the end.
    /// </summary>
    public bool CanServe(FormDefinition form) => !Needs(form, Moment.Submitting) || signIn.Available;

    /// <summary>
    /// Null when the citizen may go on; otherwise the URL to go to (the sign-in page, or the service page when nobody
    /// can sign in). Records the citizen as the draft's owner the first time; a different citizen is sent to sign in as the owner.
    /// </summary>
    public string? Check(HttpContext http, Application application, Moment moment, string lang, string returnUrl)
    {
        var identity = signIn.Current(http);
        if (!Needs(application.Form.Definition, moment))
            return null;
        if (!signIn.Available) return Hosting.PortalRoutes.Service(lang, application.Form.Definition.Id);
        if (identity is null) return signIn.SignInUrl(lang, returnUrl);
        var owner = Pseudonym(identity);
        if (application.Content.Owner is null) application.Content.Owner = owner;
        return application.Content.Owner == owner ? null : signIn.SignInUrl(lang, returnUrl);
    }

    private static string Pseudonym(CitizenIdentity identity) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{identity.Provider}:{identity.Subject}")));
}
