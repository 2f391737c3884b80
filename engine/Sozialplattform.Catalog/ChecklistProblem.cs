namespace Sozialplattform.Catalog;

/// <summary>
/// What is wrong with a service's checklist (<c>checklist.json</c>), as data: a code (<see cref="ChecklistProblemCodes"/>),
/// its arguments in the order given there, and where (line and column from 1; 0 when the problem is the file or the
/// list as a whole). The bundle import and the inbox say it in English (<see cref="English"/>); the designer in German.
/// </summary>
public sealed record ChecklistProblem(string Code, IReadOnlyList<string> Arguments, int Line = 0, int Column = 0)
{
    /// <summary>The operators' sentence, naming <paramref name="origin"/> (the file as the bundle or the catalog knows it).</summary>
    public string English(string origin)
    {
        string At(int i) => Arguments.Count > i ? Arguments[i] : "";
        string Item() => $"items[{int.Parse(At(0), System.Globalization.CultureInfo.InvariantCulture) - 1}]";
        return Code switch
        {
            ChecklistProblemCodes.NotJson => $"{origin}: not valid JSON (line {Line}, byte {Column}): {At(0)}",
            ChecklistProblemCodes.NotObject => $"{origin}: the file must contain a JSON object.",
            ChecklistProblemCodes.ItemsMissing => $"{origin}: 'items' must be a list of checklist items.",
            ChecklistProblemCodes.TooMany => $"{origin}: a checklist has at most {At(0)} items, this one has {At(1)}.",
            ChecklistProblemCodes.IdInvalid => $"{origin}: {Item()}: the item id '{At(1)}' is not a-z, 0-9 and '-'",
            ChecklistProblemCodes.LabelMissing => $"{origin}: {Item()} '{At(1)}' has no German label",
            ChecklistProblemCodes.LabelTooLong => $"{origin}: {Item()} '{At(1)}' has a label longer than {At(2)} characters",
            ChecklistProblemCodes.IdTwice => $"{origin}: {Item()}: the item id '{At(1)}' is declared twice",
            _ => $"{origin}: {Code} {string.Join(", ", Arguments)}",
        } + (Line > 0 && Code != ChecklistProblemCodes.NotJson ? $" (line {Line})" : "");
    }
}

/// <summary>The checklist problems and their arguments (item: the item's number from 1).</summary>
public static class ChecklistProblemCodes
{
    /// <summary>Arguments: the parser's message (line and column on the problem).</summary>
    public const string NotJson = "not-json";

    /// <summary>No arguments.</summary>
    public const string NotObject = "not-object";

    /// <summary>No arguments.</summary>
    public const string ItemsMissing = "items-missing";

    /// <summary>Arguments: the most items allowed, the number of items.</summary>
    public const string TooMany = "too-many";

    /// <summary>Arguments: item, id.</summary>
    public const string IdInvalid = "id-invalid";

    /// <summary>Arguments: item, id.</summary>
    public const string LabelMissing = "label-missing";

    /// <summary>Arguments: item, id, the longest label allowed.</summary>
    public const string LabelTooLong = "label-too-long";

    /// <summary>Arguments: item (the first repeat; reported once per id), id, how often the id occurs.</summary>
    public const string IdTwice = "id-twice";
}
