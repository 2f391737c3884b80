using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Sozialplattform.Engine.Definitions;
using Sozialplattform.Web.Drafts;

namespace Sozialplattform.Web.SignIn;

/// <summary>Where in the wizard a login is needed, and that a draft started by one citizen is continued only by them.</summary>
public sealed class LoginGate(ICitizenSignIn signIn, CitizenSessionOptions session, TimeProvider clock)
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
    /// Null when the citizen may go on; otherwise the URL to go to: the service page when nobody can sign in, else the
    /// sign-in page — without a login, with a login weaker than the form's <c>access.level</c>, as another person than
    /// the one who started the draft (the draft stays theirs: a link alone opens nothing), or, before sending a form
    /// with <c>access.reauthenticate</c>, with a login older than <see cref="CitizenSessionOptions.ReauthenticationWindow"/>.
    /// Records the citizen as the draft's owner the first time.
    /// </summary>
    public string? Check(HttpContext http, Application application, Moment moment, string lang, string returnUrl)
    {
        var form = application.Form.Definition;
        if (!Needs(form, moment)) return null;
        if (!signIn.Available) return Hosting.PortalRoutes.Service(lang, form.Id);
        var identity = signIn.Current(http);
        if (identity is null || identity.Level < (form.RequiredLevel ?? TrustLevel.Low)) return signIn.SignInUrl(lang, returnUrl, form.RequiredLevel);
        var owner = Pseudonym(identity);
        if (application.Content.Owner is null) application.Content.Owner = owner;
        if (application.Content.Owner != owner) return signIn.SignInUrl(lang, returnUrl, form.RequiredLevel) + "&fremd=1";
        IdentityPrefill.Apply(application, identity);
        var fresh = clock.GetUtcNow() - identity.AuthenticatedAt <= session.ReauthenticationWindow;
        return moment == Moment.Submitting && form.Reauthenticate && !fresh ? signIn.SignInUrl(lang, returnUrl, form.RequiredLevel, again: true) : null;
    }

    /// <summary>The portal's name for a login that does not say who it is: a hash of provider and subject (drafts and "Mein Konto" are keyed by it).</summary>
    public static string Pseudonym(CitizenIdentity identity) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{identity.Provider}:{identity.Subject}")));
}
