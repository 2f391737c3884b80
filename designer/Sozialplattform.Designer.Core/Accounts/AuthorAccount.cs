namespace Sozialplattform.Designer.Accounts;

/// <summary>
/// A form author's local login. <see cref="PasswordHash"/> is Storage's PBKDF2 hash, never the password;
/// <see cref="SecurityStamp"/> is carried by every session and renewed on logout, which ends them all (null in files
/// written before it existed: such an author's sessions end at the first logout).
/// </summary>
public sealed record AuthorAccount(string Login, string DisplayName, string PasswordHash, string? SecurityStamp = null);
