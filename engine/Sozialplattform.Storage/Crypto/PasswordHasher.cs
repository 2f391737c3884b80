namespace Sozialplattform.Storage.Crypto;

/// <summary>
/// The one password check of every login area. <see cref="Matches"/> runs the hash also when there is no account
/// (against a decoy hashed with the same algorithm and iteration count), so an unknown login costs the same work as a
/// wrong password and the response time does not tell which logins exist. Virtual for tests that count the work.
/// </summary>
public class PasswordHasher
{
    private static readonly Lazy<string> Decoy = new(() => PasswordHashing.Hash("decoy password, never valid"));

    public virtual string Hash(string password) => PasswordHashing.Hash(password);

    public virtual bool Verify(string password, string storedHash) => PasswordHashing.Verify(password, storedHash);

    /// <summary>Whether the password matches the stored hash; with no hash (unknown login) the decoy is verified and the answer is false.</summary>
    public bool Matches(string password, string? storedHash)
    {
        var matches = Verify(password, storedHash ?? Decoy.Value);
        return storedHash is not null && matches;
    }
}
