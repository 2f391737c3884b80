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
}

internal sealed class NoFinderInformation : IFinderInformation
{
    public IReadOnlyList<InformationLink> For(string language) => [];
}
