using System.Text.Json.Nodes;
using Sozialplattform.Designer.Documents;
using Sozialplattform.Designer.Editing;

namespace Sozialplattform.Designer.Workspace;

/// <summary>The content of a new form: a blank one with one page, or a copy of another under a new id (starting at 0.1.0).</summary>
public static class NewForms
{
    public static byte[] Blank(string id, string title)
    {
        var form = new JsonObject
        {
            ["$schema"] = "../../../../schemas/form-definition.schema.json",
            ["id"] = id,
            ["version"] = "0.1.0",
            ["status"] = "draft",
            ["languages"] = new JsonArray("de", "en"),
            ["title"] = new JsonObject { ["de"] = title, ["en"] = title },
            ["pages"] = new JsonArray(new JsonObject
            {
                ["id"] = "start",
                ["title"] = new JsonObject { ["de"] = "Angaben", ["en"] = "Details" },
                ["items"] = new JsonArray(),
            }),
        };
        return DefinitionDocument.Create(form).ToUtf8();
    }

    public static byte[] Copy(byte[] source, string id)
    {
        var document = DefinitionDocument.Parse(source, id);
        document.Apply(new SetProperty(DocumentPath.Root, "id", JsonValue.Create(id)));
        document.Apply(new SetProperty(DocumentPath.Root, "version", JsonValue.Create("0.1.0")));
        document.Apply(new SetProperty(DocumentPath.Root, "status", JsonValue.Create("draft")));
        return document.ToUtf8();
    }
}
