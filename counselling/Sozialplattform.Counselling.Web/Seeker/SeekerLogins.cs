using Sozialplattform.Counselling.Seekers;
using Sozialplattform.Storage.Logins;

namespace Sozialplattform.Counselling.Web.Seeker;

/// <summary>
/// The seekers' logins as areas of the platform's one <see cref="LoginProtection"/>: the password, and the reset with
/// the recovery code (a guess like a password, so it has counters of its own). Counters and audit entries know a
/// pseudonym only by its normalised form's hash prefix — never the pseudonym itself.
/// </summary>
public static class SeekerLogins
{
    public static readonly LoginArea Password = new("counselling", "counselling.");
    public static readonly LoginArea Reset = new("counselling-reset", "counselling.reset.");

    public static string Key(string pseudonym) =>
        "seeker:" + Sozialplattform.Storage.Crypto.SecretHashing.Hash(SeekerInput.Normalize(SeekerInput.Pseudonym(pseudonym).Pseudonym ?? pseudonym))[..16];
}
