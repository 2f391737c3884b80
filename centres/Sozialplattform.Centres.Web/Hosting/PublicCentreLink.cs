using Sozialplattform.Centres.Search;

namespace Sozialplattform.Centres.Web.Hosting;

/// <summary>
/// A link other areas add to a centre's public page and to its entry in the finder's results (registered as a service;
/// the online counselling adds "Online-Beratung" to centres that offer it), so the finder need not know them.
/// </summary>
/// <param name="Link">The address and text for a language and a published centre, or null where it does not apply.</param>
public sealed record PublicCentreLink(Func<string, PublishedCentre, (string Href, string Text)?> Link);
