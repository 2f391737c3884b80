using System.Text.RegularExpressions;

namespace Sozialplattform.Designer.Workspace;

/// <summary>Form ids and versions become folder names only when they are plain names (the schema's patterns).</summary>
public static partial class Names
{
    public static bool IsFormId(string? id) => id is not null && FormId().IsMatch(id);

    public static bool IsVersion(string? version) => version is not null && Version().IsMatch(version);

    public static string CheckedFormId(string id) =>
        IsFormId(id) ? id : throw new WorkspaceException($"„{id}“ ist keine Formularkennung: nur Kleinbuchstaben, Ziffern und „-“, am Anfang ein Buchstabe oder eine Ziffer.");

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,63}$")]
    private static partial Regex FormId();

    [GeneratedRegex("^(0|[1-9][0-9]{0,8})\\.(0|[1-9][0-9]{0,8})\\.(0|[1-9][0-9]{0,8})$")]
    private static partial Regex Version();
}

/// <summary>A request the workspace refuses (bad id, a form that does not exist); the message says why.</summary>
public sealed class WorkspaceException(string message) : Exception(message);
