using System.Security.Cryptography;
using System.Text;
using Sozialplattform.Storage.Crypto;

namespace Sozialplattform.Storage.Submissions;

/// <summary>
/// How drafts and submissions are tied to a signed-in citizen without storing who they are: the portal's pseudonym of
/// the login (a hash of provider and subject) becomes a blind index under the data key, so a copy of the database alone
/// neither names the citizen nor links their rows to a known pseudonym.
/// </summary>
public static class AccountOwner
{
    private const string TokenPurpose = "account-owner";
    private const string DraftSecretPurpose = "account-draft";

    public static string Token(DataProtector protector, string pseudonym) => protector.SearchToken(TokenPurpose, pseudonym);

    /// <summary>
    /// A second secret of an owned draft that only this server can compute: "Mein Konto" puts it into the browser to
    /// continue the draft (the random secret of the resume link is stored only as a hash, and stays valid).
    /// </summary>
    public static string DraftSecret(DataProtector protector, Guid draftId) => protector.DeriveSecret(DraftSecretPurpose, draftId);

    public static bool MatchesDraftSecret(DataProtector protector, Guid draftId, string secret) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(DraftSecret(protector, draftId)), Encoding.ASCII.GetBytes(secret));
}
