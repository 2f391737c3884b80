namespace Sozialplattform.Fim.Definitions;

/// <summary>Writes an <see cref="ImportedCatalog"/> into a catalog folder; an existing catalog.json is kept.</summary>
public static class CatalogWriter
{
    public static IReadOnlyList<string> Write(ImportedCatalog catalog, string root)
    {
        var written = new List<string>();
        var catalogFile = Path.Combine(root, CatalogLayout.CatalogFile);
        if (!File.Exists(catalogFile))
        {
            DefinitionJson.Write(catalogFile, new CatalogDocument(LocalizedText.De("FIM-Import")!));
            written.Add(catalogFile);
        }

        var form = CatalogLayout.Form(root, catalog.Form.Id, catalog.Form.Version);
        DefinitionJson.Write(form, catalog.Form);
        written.Add(form);
        foreach (var block in catalog.Blocks)
        {
            var path = CatalogLayout.Block(root, block.Id, block.Version);
            DefinitionJson.Write(path, block);
            written.Add(path);
        }

        foreach (var list in catalog.CodeLists)
        {
            var path = CatalogLayout.CodeList(root, list.Id, list.Version);
            DefinitionJson.Write(path, list);
            written.Add(path);
        }

        return written;
    }
}

/// <summary>catalog.json (schemas/catalog.schema.json).</summary>
public sealed record CatalogDocument(LocalizedText Name);
