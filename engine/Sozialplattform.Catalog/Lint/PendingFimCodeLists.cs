using System.Text.Json.Nodes;
using Sozialplattform.Engine.Definitions;

namespace Sozialplattform.Catalog.Lint;

/// <summary>
/// FIM selects whose code list was missing at import. Each is a text field until the list is supplied, and supplying it
/// turns it into a choice (a repeated select into a multiple choice) — a different answer shape. So a form with one is
/// not published: the lint reports it and the designer refuses to publish it; drafts and the preview work meanwhile.
/// </summary>
public static class PendingFimCodeLists
{
    public sealed record Pending(string Where, string List);

    /// <summary>The list an item waits for ("id version"), or null.</summary>
    public static string? Of(JsonObject item) =>
        CatalogJson.Objects(item["notes"]).Where(n => CatalogJson.String(n, "source") == AuthorNoteSources.MissingFimCodeList)
            .Select(n => n["fim"] is JsonObject fim ? $"{CatalogJson.String(fim, "id")} {CatalogJson.String(fim, "version")}".Trim() : "?")
            .FirstOrDefault();

    /// <summary>Every item of the form's pages (groups included, building blocks are linted on their own) that waits for a list.</summary>
    public static IReadOnlyList<Pending> In(JsonObject form)
    {
        var found = new List<Pending>();
        foreach (var page in CatalogJson.Objects(form["pages"])) Walk(page["items"], "", found, 0);
        return found;
    }

    public static string Message(string list) =>
        $"the FIM code list {list} was not available at import: the field is a text field until the list is supplied, and supplying it changes the answer's shape — import the list (sozial import-fim --codelists, or the designer's FIM upload) before the form is published";

    private static void Walk(JsonNode? items, string prefix, List<Pending> found, int depth)
    {
        if (depth > 32) return;
        foreach (var item in CatalogJson.Objects(items))
        {
            var where = prefix + (CatalogJson.String(item, "key") ?? "?");
            if (Of(item) is { } list) found.Add(new Pending(where, list));
            Walk(item["items"], where + ".", found, depth + 1);
        }
    }
}
