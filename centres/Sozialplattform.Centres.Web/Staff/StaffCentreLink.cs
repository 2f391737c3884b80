namespace Sozialplattform.Centres.Web.Staff;

/// <summary>
/// A link other areas add to each centre on the staff's start page (registered as a service; the appointments' back
/// office adds its agenda), so the self-service need not know them.
/// </summary>
/// <param name="Link">The address and text of the link for a language and a centre.</param>
public sealed record StaffCentreLink(Func<string, Guid, (string Href, string Text)> Link);
