using Sozialplattform.Fim.CodeLists;
using Sozialplattform.Fim.Definitions;
using Sozialplattform.Fim.Diagnostics;
using Sozialplattform.Fim.Model;

namespace Sozialplattform.Fim.Mapping;

/// <summary>
/// A Stammdatenschema → form, blocks and code lists. Each top-level group becomes a page holding that group
/// (so answers nest under the group's id, as in FIM-derived JSON payloads); consecutive top-level fields
/// share a page. FIM order is kept throughout.
/// </summary>
public static class DefinitionMapper
{
    public const string FirstFieldPageId = "angaben";

    public static ImportedCatalog Map(FimSchema schema, CodeListResolver codeLists, DiagnosticBag diagnostics)
    {
        var context = new MappingContext(diagnostics, codeLists);
        var items = new ItemMapper(context, BlockPlanner.SharedGroups(schema));
        var scope = items.MapScope(schema.Children, new KeyAllocator(diagnostics));
        var validations = items.TranslateRules(schema.Identity, schema.Rules, scope);
        if (scope.Count == 0) diagnostics.Warning(DiagnosticCodes.SchemaEmpty, schema.Identity, schema.Line);

        var form = new FormDocument
        {
            Id = Identifiers.FimDefinitionId(schema.Identity.Id),
            Version = FormVersion(schema, diagnostics),
            Title = LocalizedText.De(schema.DisplayTitle)!,
            Help = LocalizedText.De(schema.Help),
            LegalBasis = LegalBasisMapper.Map(schema.LegalReferences, schema.Identity, schema.Line, diagnostics),
            Service = new ServiceDocument(FimReference.From(schema.Identity)),
            Pages = Pages(scope),
            Validations = validations.Count > 0 ? validations : null,
            Notes = context.Rules.Notes(schema.Rules) is { Count: > 0 } notes ? notes : null,
        };
        return new ImportedCatalog(form, items.Blocks, codeLists.Documents);
    }

    private static List<PageDocument> Pages(List<(FimUsage Usage, ItemDocument Item)> scope)
    {
        var pages = new List<PageDocument>();
        PageDocument? fieldPage = null;
        foreach (var (usage, item) in scope)
        {
            if (usage.Element is FimGroup group)
            {
                pages.Add(new PageDocument { Id = item.Key, Title = LocalizedText.De(group.DisplayLabel)!, Items = [item] });
                fieldPage = null;
                continue;
            }

            if (fieldPage is null)
            {
                var first = pages.All(p => !p.Id.StartsWith(FirstFieldPageId, StringComparison.Ordinal));
                var count = pages.Count(p => p.Id.StartsWith(FirstFieldPageId, StringComparison.Ordinal));
                fieldPage = new PageDocument
                {
                    Id = first ? FirstFieldPageId : $"{FirstFieldPageId}_{count + 1}",
                    Title = LocalizedText.De(first ? "Allgemeine Angaben" : "Weitere Angaben")!,
                };
                pages.Add(fieldPage);
            }

            fieldPage.Items.Add(item);
        }

        if (pages.Count == 0) pages.Add(new PageDocument { Id = FirstFieldPageId, Title = LocalizedText.De("Allgemeine Angaben")! });
        return pages;
    }

    private static string FormVersion(FimSchema schema, DiagnosticBag diagnostics)
    {
        if (Identifiers.SemanticVersion(schema.Identity.Version) is { } version) return version;
        diagnostics.Warning(DiagnosticCodes.VersionMissing, schema.Identity, schema.Line, ("used", "0.0.0"));
        return "0.0.0";
    }
}
