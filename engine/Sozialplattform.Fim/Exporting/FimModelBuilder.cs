using Sozialplattform.Fim.Definitions;
using Sozialplattform.Fim.Diagnostics;
using Sozialplattform.Fim.Mapping;
using Sozialplattform.Fim.Model;

namespace Sozialplattform.Fim.Exporting;

/// <summary>
/// Our definition → the version-neutral FIM model, the reverse of the import: pages dissolve into the
/// schema's top-level structure, groups (inline or blocks) into Datenfeldgruppen, fields into Datenfelder,
/// and <c>required</c>/<c>repeat</c>/<c>maxFiles</c>/<c>min/maxSelected</c> back into <c>anzahl</c>.
/// </summary>
public sealed class FimModelBuilder
{
    private readonly LoadedDefinition _definition;
    private readonly DiagnosticBag _diagnostics;
    private readonly ExportIdAllocator _ids;
    private readonly RuleExporter _rules;
    private readonly FieldExporter _fields;
    private readonly Dictionary<string, FimGroup> _blockGroups = new(StringComparer.Ordinal);

    public FimModelBuilder(LoadedDefinition definition, DiagnosticBag diagnostics)
    {
        _definition = definition;
        _diagnostics = diagnostics;
        _ids = new ExportIdAllocator(FimIds(definition));
        _rules = new RuleExporter(_ids);
        _fields = new FieldExporter(definition, diagnostics, _rules);
    }

    public IReadOnlyList<CodeListDocument> ReferencedCodeLists => _fields.ReferencedCodeLists;

    public FimSchema Build()
    {
        var form = _definition.Form;
        var identity = form.Service?.Fim is { } fim
            ? new FimIdentity(fim.Id, ExportVersion(fim.Version, form.Version))
            : Generated('S', form.Id) with { Version = form.Version };
        var children = form.Pages.SelectMany(p => p.Items.Select(i => Usage(i, $"{form.Id}/{i.Key}"))).OfType<FimUsage>().ToList();
        return new FimSchema
        {
            Identity = identity,
            StandardVersion = "XDatenfelder 3.0.0",
            Line = 0,
            Name = form.Title.German,
            Title = form.Title.German,
            Help = form.Help?.German ?? "",
            LegalReferences = Legal(form.LegalBasis),
            Rules = [.. _rules.FromNotes(form.Notes), .. _rules.FromExpressions(form.Id, identity, form.Id, null, null, null, form.Validations)],
            Children = children,
        };
    }

    /// <summary>
    /// The import merges an element's and its use's legal references into the item; they are written back on the use
    /// (<c>struktur/bezug</c>), because an element met again is read once and would lose the references of later uses.
    /// </summary>
    private FimUsage? Usage(ItemDocument item, string path)
    {
        if (item.Block is { } reference) return BlockUsage(item, reference);
        if (item.IsGroup && item.Items is [var single] && !single.IsGroup && single.Fim is not null && single.Fim.Id == item.Fim?.Id)
            return new FimUsage(RepeatMapper.ToCardinality(item.Repeat), Legal(single.LegalBasis), _fields.Field(single, Identity(single, 'F', path), path), 0);
        if (item.IsGroup) return new FimUsage(RepeatMapper.ToCardinality(item.Repeat), Legal(item.LegalBasis), Group(item, path), 0);
        return new FimUsage(FieldExporter.Cardinality(item), Legal(item.LegalBasis), _fields.Field(item, Identity(item, 'F', path), path), 0);
    }

    private FimUsage? BlockUsage(ItemDocument item, string reference)
    {
        if (!_blockGroups.TryGetValue(reference, out var group))
        {
            var block = _definition.Block(reference);
            if (block is null)
            {
                _diagnostics.Warning(DiagnosticCodes.BlockMissing, null, null, ("block", reference));
                return null;
            }

            var path = "block:" + reference;
            var identity = block.Fim is { } fim ? new FimIdentity(fim.Id, ExportVersion(fim.Version, block.Version)) : Generated('G', path);
            group = new FimGroup
            {
                Header = new FimElementHeader(identity, 0, block.Title.German, block.Title.German, InputHelp: block.Help?.German ?? "", LegalReferences: Legal(block.LegalBasis),
                    Rules: [.. _rules.FromNotes(block.Notes), .. _rules.FromExpressions(path, identity, block.Id, null, null, null, block.Validations)]),
                IsChoiceGroup = block.Validations?.Any(v => v.Code == RuleMapper.ChoiceGroupCode) == true,
            };
            _blockGroups[reference] = group;
            group.Children = Children(block.Items, path, group);
        }

        return new FimUsage(RepeatMapper.ToCardinality(item.Repeat), Legal(item.LegalBasis), group, 0);
    }

    private FimGroup Group(ItemDocument item, string path)
    {
        var identity = Identity(item, 'G', path);
        var title = item.Title?.German ?? item.Key;
        var group = new FimGroup
        {
            Header = new FimElementHeader(identity, 0, title, title, InputHelp: item.Help?.German ?? "",
                Rules: [.. _rules.FromNotes(item.Notes), .. _rules.FromExpressions(path, identity, item.Key, item.VisibleIf, null, null, item.Validations)]),
            IsChoiceGroup = item.Validations?.Any(v => v.Code == RuleMapper.ChoiceGroupCode) == true,
        };
        group.Children = Children(item.Items ?? [], path, group);
        return group;
    }

    private List<FimUsage> Children(IEnumerable<ItemDocument> items, string path, FimGroup group)
    {
        var children = items.Select(i => Usage(i, $"{path}/{i.Key}")).OfType<FimUsage>().ToList();
        if (children.Count == 0)
            _diagnostics.Warning(DiagnosticCodes.ExportNotRepresentable, group.Identity, null, ("detail", "a Datenfeldgruppe needs at least one child; the XSD will reject this group"));
        return children;
    }

    private FimIdentity Identity(ItemDocument item, char prefix, string path) =>
        item.Fim is { } fim ? new FimIdentity(fim.Id, ExportVersion(fim.Version, ExportIdAllocator.NewElementVersion)) : Generated(prefix, path);

    /// <summary>XDatenfelder 3 versions are <c>x.y.z</c>: FIM 2's <c>1.0</c> is written as <c>1.0.0</c>; no version stays none.</summary>
    internal static string? ExportVersion(string? version, string fallback) =>
        version is null ? null : Identifiers.SemanticVersion(version) ?? fallback;

    private FimIdentity Generated(char prefix, string path)
    {
        var identity = _ids.Allocate(prefix, path);
        _diagnostics.Info(DiagnosticCodes.ExportIdGenerated, identity, null, ("path", path), ("id", identity.Id));
        return identity;
    }

    private static List<FimLegalReference> Legal(IEnumerable<LegalReferenceDocument>? references) =>
        (references ?? []).Select(r => new FimLegalReference(r.Text.German, r.Link)).ToList();

    private static IEnumerable<string> FimIds(LoadedDefinition definition)
    {
        var ids = new List<string>();
        void Collect(IEnumerable<ItemDocument>? items)
        {
            foreach (var item in items ?? [])
            {
                if (item.Fim is not null) ids.Add(item.Fim.Id);
                ids.AddRange((item.Notes ?? []).Where(n => n.Fim is not null).Select(n => n.Fim!.Id));
                Collect(item.Items);
            }
        }

        foreach (var page in definition.Form.Pages) Collect(page.Items);
        return ids;
    }
}
