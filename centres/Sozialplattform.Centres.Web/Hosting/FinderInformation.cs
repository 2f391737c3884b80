namespace Sozialplattform.Centres.Web.Hosting;

/// <summary>A page of the host's site the finder links to, e.g. "Schulden – was tun?".</summary>
public sealed record InformationLink(string Href, string Title);

/// <summary>
/// The host's information pages on counselling topics, linked under the finder's search. The centres area has no
/// pages of its own; the portal registers its tenant's pages, and without a host nothing is linked.
/// </summary>
public interface IFinderInformation
{
    IReadOnlyList<InformationLink> For(string language);

    /// <summary>
    /// True when the host's portal offers <paramref name="formId"/> as a contact request (a form that starts with the chosen
    /// centre, see CENTRES.md "Contact requests"); the centre's page then shows "Kontakt aufnehmen" for it.
    /// </summary>
    bool OffersContactForm(string formId) => false;
}

internal sealed class NoFinderInformation : IFinderInformation
{
    public IReadOnlyList<InformationLink> For(string language) => [];
}
