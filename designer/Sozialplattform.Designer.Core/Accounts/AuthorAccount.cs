namespace Sozialplattform.Designer.Accounts;

/// <summary>A form author's local login. <see cref="PasswordHash"/> is Storage's PBKDF2 hash, never the password.</summary>
public sealed record AuthorAccount(string Login, string DisplayName, string PasswordHash);
