using Sozialplattform.Fim.Definitions;
using Sozialplattform.Fim.Diagnostics;
using Sozialplattform.Fim.Mapping;
using Sozialplattform.Fim.Model;

namespace Sozialplattform.Fim.CodeLists;

/// <summary>
/// Turns a field's code-list reference into a code-list file of our format (once per id@version) and
/// returns its reference, or null with a warning naming the list when no genericode file has it.
/// </summary>
public sealed class CodeListResolver(GenericodeDirectory directory, DiagnosticBag diagnostics)
{
    private readonly SortedDictionary<string, CodeListDocument> _documents = new(StringComparer.Ordinal);

    public IReadOnlyList<CodeListDocument> Documents => _documents.Values.ToList();

    public string? Resolve(FimField field, FimCodeListReference reference, int line)
    {
        var list = directory.FindExact(reference);
        if (list is null && directory.OtherVersions(reference) is [var other, ..])
        {
            diagnostics.Warning(DiagnosticCodes.CodeListVersionMismatch, field.Identity, line,
                ("list", reference.CanonicalUri), ("version", reference.Version), ("found", other.Version), ("file", Path.GetFileName(other.File)));
            list = other;
        }

        if (list is null)
        {
            var named = reference.ListId is { } listId && reference.CanonicalUri is not null ? $"{reference} ({listId})" : reference.ToString();
            diagnostics.Warning(DiagnosticCodes.CodeListMissing, field.Identity, line, ("list", named), ("listId", reference.ListId));
            return null;
        }

        var document = ToDocument(list, field, line);
        if (document is null) return null;
        _documents.TryAdd(document.Reference, document);
        return document.Reference;
    }

    private CodeListDocument? ToDocument(GenericodeList list, FimField field, int line)
    {
        var codeColumn = list.CodeColumn(field.CodeKey);
        var nameColumn = list.NameColumn(field.NameKey, codeColumn);
        var helpColumn = list.Column(field.HelpKey);
        var rows = list.Rows.Select(r => new FimValue(Value(r, codeColumn), Value(r, nameColumn), Value(r, helpColumn).NullIfEmpty()));
        var items = OptionsBuilder.Build(rows, field.Identity, line, diagnostics);
        if (items.Count == 0)
        {
            diagnostics.Warning(DiagnosticCodes.CodeListEmpty, field.Identity, line, ("file", Path.GetFileName(list.File)));
            return null;
        }

        var uri = list.CanonicalUri ?? Path.GetFileNameWithoutExtension(list.File);
        return new CodeListDocument
        {
            Id = Identifiers.CodeListId(uri),
            Version = Identifiers.CodeListVersion(list.Version),
            Name = LocalizedText.De(list.LongName ?? list.ShortName),
            CanonicalUri = list.CanonicalUri,
            CanonicalVersionUri = list.CanonicalVersionUri,
            Source = "genericode " + Path.GetFileName(list.File),
            Items = items,
        };
    }

    private static string Value(IReadOnlyDictionary<string, string> row, string? column) =>
        column is not null && row.TryGetValue(column, out var value) ? value : "";
}
