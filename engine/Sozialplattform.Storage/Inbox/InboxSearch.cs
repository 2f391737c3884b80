using Sozialplattform.Storage.Crypto;

namespace Sozialplattform.Storage.Inbox;

/// <summary>
/// The name search of the inbox over encrypted answers: each name word is stored only as a keyed hash (a blind
/// index), and a search looks up the hashes of the words typed. So it finds whole words, accent- and case-blind
/// (<see cref="NameWords"/>), never parts of words; the reference number is searched as plain text.
/// </summary>
public static class InboxSearch
{
    private const string Purpose = "inbox-name-search";

    public static IReadOnlyList<string> Tokens(DataProtector protector, IEnumerable<string> words) =>
        words.Select(w => protector.SearchToken(Purpose, w)).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>The tokens of what a caseworker typed, or empty when it has no word.</summary>
    public static IReadOnlyList<string> QueryTokens(DataProtector protector, string query) =>
        Tokens(protector, NameWords.Of(query));
}
