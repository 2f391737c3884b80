namespace Sozialplattform.Designer.Accounts;

/// <summary>
/// A form author's local login. <see cref="PasswordHash"/> is Storage's PBKDF2 hash, never the password;
/// <see cref="SecurityStamp"/> is carried by every session and renewed on logout, which ends them all (null in files
/// written before it existed: such an author's sessions end at the first logout).
/// </summary>
public sealed record AuthorAccount(string Login, string DisplayName, string PasswordHash, string? SecurityStamp = null, AuthorRole Role = AuthorRole.Editor);

/// <summary>
/// What an author may do: <see cref="Author"/> („Autor“) edits and proposes; <see cref="Editor"/> („Redaktion“) also
/// reviews, approves or sends back, and publishes. Accounts from before roles existed are Redaktion, so nothing that
/// worked stops working.
/// </summary>
public enum AuthorRole
{
    Editor,
    Author,
}

public static class AuthorRoles
{
    /// <summary>The role's name on the command line and in the database: <c>author</c> or <c>editor</c>.</summary>
    public static string Name(this AuthorRole role) => role == AuthorRole.Author ? "author" : "editor";

    public static AuthorRole? Parse(string? name) => name switch { "author" => AuthorRole.Author, "editor" => AuthorRole.Editor, _ => null };

    /// <summary>The role as the author reads it.</summary>
    public static string German(this AuthorRole role) => role == AuthorRole.Author ? "Autor" : "Redaktion";
}
