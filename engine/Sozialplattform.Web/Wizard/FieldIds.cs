using System.Text;

namespace Sozialplattform.Web.Wizard;

/// <summary>HTML ids derived from answer paths: <c>mitglieder[2].vorname</c> → <c>f-mitglieder-2-vorname</c>.</summary>
public static class FieldIds
{
    public static string For(string path, string? part = null)
    {
        var id = new StringBuilder("f-", path.Length + 8);
        foreach (var c in path)
            id.Append(char.IsAsciiLetterOrDigit(c) || c == '_' ? c : c == ']' ? "" : "-");
        if (part is not null) id.Append('-').Append(part);
        return id.ToString();
    }

    public static string Hint(string path) => For(path) + "-hint";

    public static string Error(string path) => For(path) + "-error";

    public static string Group(string path) => "g" + For(path)[1..];
}
