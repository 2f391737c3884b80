using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Sozialplattform.Designer.Documents;

namespace Sozialplattform.Designer.Editing.Renaming;

/// <summary>
/// Renames a page id together with what names it in the definition: the declarations' <c>page</c> (the summary links a
/// declaration to the page it confirms). Rules and answers do not name pages. One undoable edit, or refused with the reason.
/// </summary>
public static partial class PageRename
{
    public static RenameResult Plan(JsonObject form, DocumentPath page, string newId)
    {
        newId = newId.Trim();
        if (page.Segments is not ["pages", int] || page.Find(form) is not JsonObject target || target["id"]?.ToString() is not { Length: > 0 } oldId)
            return new RenameResult.Refused(["Das ist keine Seite mit einer ID."]);
        if (newId == oldId) return new RenameResult.Renamed(new EditGroup("Seiten-ID unverändert", []), []);
        if (!IdPattern().IsMatch(newId))
            return new RenameResult.Refused([$"„{newId}“ ist keine gültige Seiten-ID: erlaubt sind Buchstaben, Ziffern und _, am Anfang keine Ziffer, höchstens 64 Zeichen."]);
        if ((form["pages"] as JsonArray ?? []).OfType<JsonObject>().Any(p => p["id"]?.ToString() == newId))
            return new RenameResult.Refused([$"Die Seiten-ID „{newId}“ gibt es schon; jede Seite braucht eine eigene."]);

        var edits = new List<IEdit> { new SetProperty(page, "id", JsonValue.Create(newId)) };
        var rewritten = new List<DocumentPath>();
        var declarations = form["declarations"] as JsonArray ?? [];
        for (var i = 0; i < declarations.Count; i++)
        {
            if (declarations[i] is not JsonObject declaration || declaration["page"]?.ToString() != oldId) continue;
            var path = DocumentPath.Root.Property("declarations").Index(i);
            edits.Add(new SetProperty(path, "page", JsonValue.Create(newId)));
            rewritten.Add(path.Property("page"));
        }

        var why = rewritten.Count == 0 ? $"Seite {oldId} in {newId} umbenannt" : $"Seite {oldId} in {newId} umbenannt ({rewritten.Count} Erklärungen angepasst)";
        return new RenameResult.Renamed(new EditGroup(why, edits), rewritten);
    }

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]{0,63}$", RegexOptions.CultureInvariant)]
    private static partial Regex IdPattern();
}
