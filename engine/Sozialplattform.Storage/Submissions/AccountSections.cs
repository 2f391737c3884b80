using System.Security.Claims;

namespace Sozialplattform.Storage.Submissions;

/// <summary>
/// One section of the citizen's "Mein Konto" page — the page's one extension point: the portal registers its drafts
/// and applications, other areas (appointments, counselling) register theirs in their <c>Add…()</c>, without the page
/// knowing them. <paramref name="Component"/> is a Razor component rendered under the section's heading with two
/// parameters: <c>Lang</c> (the page's language) and <c>OwnerPseudonym</c> (the signed-in citizen's pseudonym, see
/// <see cref="ICitizenAccounts"/>) — it must show only what is stored under that owner's token (<see cref="AccountOwner.Token"/>).
/// </summary>
/// <param name="Id">The section's anchor on the page ("entwuerfe", "termine").</param>
/// <param name="Order">Where it stands: lower first (drafts 100, applications 200).</param>
/// <param name="Title">Its heading in a language.</param>
public sealed record AccountSection(string Id, int Order, Func<string, string> Title, Type Component);

/// <summary>Every registered <see cref="AccountSection"/> in page order (by <see cref="AccountSection.Order"/>, then id).</summary>
public sealed class AccountSections(IEnumerable<AccountSection> sections)
{
    public IReadOnlyList<AccountSection> InOrder { get; } = [.. sections.OrderBy(s => s.Order).ThenBy(s => s.Id, StringComparer.Ordinal)];
}

/// <summary>
/// The signed-in citizen as areas outside the portal may know them: only the portal's pseudonym of the login (a hash of
/// provider and subject — never the subject), which they key with <see cref="AccountOwner.Token"/> before storing it.
/// The portal implements it with its citizen session; null when nobody is signed in.
/// </summary>
public interface ICitizenAccounts
{
    string? Pseudonym(ClaimsPrincipal user);
}
