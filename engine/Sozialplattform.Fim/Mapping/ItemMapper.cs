using Sozialplattform.Fim.Definitions;
using Sozialplattform.Fim.Diagnostics;
using Sozialplattform.Fim.Model;

namespace Sozialplattform.Fim.Mapping;

/// <summary>
/// Maps the children of a container (the schema or a group) to items: fields through <see cref="FieldMapper"/>,
/// groups inline or — when used in several places — as one shared block. Rules are translated per scope,
/// because their names resolve to the keys of the items around them.
/// </summary>
public sealed class ItemMapper(MappingContext context, IReadOnlySet<FimIdentity> sharedGroups)
{
    private readonly FieldMapper _fields = new(context);
    private readonly SortedDictionary<string, BlockDocument> _blocks = new(StringComparer.Ordinal);
    private readonly HashSet<FimIdentity> _inProgress = [];

    public IReadOnlyList<BlockDocument> Blocks => _blocks.Values.ToList();

    /// <summary>Maps one scope's children; the pairs keep which usage each item came from.</summary>
    public List<(FimUsage Usage, ItemDocument Item)> MapScope(IReadOnlyList<FimUsage> children, KeyAllocator keys)
    {
        var mapped = new List<(FimUsage, ItemDocument)>();
        foreach (var usage in children)
        {
            var key = keys.Allocate(usage.Element.Identity, usage.Line);
            var item = usage.Element switch
            {
                FimField field => _fields.Map(usage, field, key),
                FimGroup group => MapGroup(usage, group, key),
                _ => null,
            };
            if (item is not null) mapped.Add((usage, item));
        }

        return mapped;
    }

    /// <summary>Translates the owner's rules and those of the fields in the scope; returns the owner's validations.</summary>
    public List<ValidationDocument> TranslateRules(FimIdentity owner, IReadOnlyList<FimRule> ownerRules, List<(FimUsage Usage, ItemDocument Item)> scope)
    {
        var keys = KeysByFimId(scope);
        var items = scope.Select(s => s.Item).ToList();
        foreach (var (usage, item) in scope)
        {
            if (usage.Element is not FimField { Rules.Count: > 0 } field) continue;
            var validations = context.Rules.Translate(field.Identity, field.Rules, keys, items);
            if (validations.Count > 0) item.Validations = [.. item.Validations ?? [], .. validations];
        }

        return context.Rules.Translate(owner, ownerRules, keys, items);
    }

    private ItemDocument? MapGroup(FimUsage usage, FimGroup group, string key)
    {
        if (!_inProgress.Add(group.Identity))
        {
            context.Diagnostics.Warning(DiagnosticCodes.GroupCycle, group.Identity, usage.Line);
            return null;
        }

        try
        {
            if (sharedGroups.Contains(group.Identity))
                return new ItemDocument
                {
                    Key = key,
                    Type = ItemTypes.Group,
                    LegalBasis = LegalBasisMapper.Map(usage.LegalReferences, group.Identity, usage.Line, context.Diagnostics),
                    Repeat = RepeatMapper.From(usage.Cardinality),
                    Block = Block(group),
                };

            var (items, validations) = Contents(group);
            return new ItemDocument
            {
                Key = key,
                Type = ItemTypes.Group,
                Title = LocalizedText.De(group.DisplayLabel),
                Help = LocalizedText.De(group.InputHelp),
                LegalBasis = LegalBasisMapper.Map(group.LegalReferences.Concat(usage.LegalReferences), group.Identity, usage.Line, context.Diagnostics),
                Repeat = RepeatMapper.From(usage.Cardinality),
                Items = items,
                Validations = validations.Count > 0 ? validations : null,
                Fim = FimReference.From(group.Identity),
                Notes = NullIfEmpty(context.Rules.Notes(group.Rules)),
            };
        }
        finally
        {
            _inProgress.Remove(group.Identity);
        }
    }

    private string Block(FimGroup group)
    {
        var id = Identifiers.FimDefinitionId(group.Identity.Id);
        var version = VersionOf(group);
        var reference = $"{id}@{version}";
        if (_blocks.ContainsKey(reference)) return reference;

        var (items, validations) = Contents(group);
        _blocks[reference] = new BlockDocument
        {
            Id = id,
            Version = version,
            Title = LocalizedText.De(group.DisplayLabel)!,
            Help = LocalizedText.De(group.InputHelp),
            LegalBasis = LegalBasisMapper.Map(group.LegalReferences, group.Identity, group.Line, context.Diagnostics),
            Items = items,
            Validations = validations.Count > 0 ? validations : null,
            Fim = FimReference.From(group.Identity),
            Notes = NullIfEmpty(context.Rules.Notes(group.Rules)),
        };
        context.Diagnostics.Info(DiagnosticCodes.SharedBlock, group.Identity, group.Line, ("block", reference));
        return reference;
    }

    private (List<ItemDocument> Items, List<ValidationDocument> Validations) Contents(FimGroup group)
    {
        var scope = MapScope(group.Children, new KeyAllocator(context.Diagnostics));
        var items = scope.Select(s => s.Item).ToList();
        var validations = new List<ValidationDocument>();
        if (group.IsChoiceGroup && context.Rules.ChoiceGroup(group, items) is { } choice) validations.Add(choice);
        validations.AddRange(TranslateRules(group.Identity, group.Rules, scope));
        if (items.Count == 0) context.Diagnostics.Warning(DiagnosticCodes.GroupEmpty, group.Identity, group.Line);
        return (items, validations);
    }

    private string VersionOf(FimGroup group)
    {
        if (Identifiers.SemanticVersion(group.Identity.Version) is { } version) return version;
        context.Diagnostics.Warning(DiagnosticCodes.VersionMissing, group.Identity, group.Line, ("used", "0.0.0"));
        return "0.0.0";
    }

    /// <summary>The keys rules may name, by FIM id; an id used twice in the scope is ambiguous and left out.</summary>
    private static Dictionary<string, string> KeysByFimId(List<(FimUsage Usage, ItemDocument Item)> scope) =>
        scope.GroupBy(s => s.Usage.Element.Identity.Id)
            .Where(g => g.Count() == 1)
            .ToDictionary(g => g.Key, g => g.Single().Item.Key, StringComparer.Ordinal);

    private static List<T>? NullIfEmpty<T>(List<T> list) => list.Count == 0 ? null : list;
}
