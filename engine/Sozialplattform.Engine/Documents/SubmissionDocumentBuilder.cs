using System.Text.Json;
using Sozialplattform.Engine.Definitions;
using Sozialplattform.Engine.Evaluation;
using Sozialplattform.Engine.Fields;
using Sozialplattform.Engine.Localization;

namespace Sozialplattform.Engine.Documents;

/// <summary>Builds the one neutral view of a submission from the definition and the evaluated state, in one language.</summary>
public sealed class SubmissionDocumentBuilder(FormDefinition form, FormState state, string language, Localizer localizer)
{
    private static readonly HashSet<string> RightToLeftLanguages = ["ar", "fa", "he", "ur"];

    private readonly FormatContext _format = new(language, localizer);
    private readonly List<DocumentAttachment> _attachments = [];

    public SubmissionDocument Build(DocumentHeader header)
    {
        var sections = state.Pages
            .Where(p => p.Visible)
            .Select(p => Section(p.Page))
            .Where(s => s.Content.Count > 0)
            .ToList();
        var declarations = form.Declarations
            .Select(d => new DocumentDeclaration(d.Key, d.Text.Get(language), state.Answers[d.Key] is { } answer && answer.GetValueKind() == JsonValueKind.True))
            .ToList();
        return new SubmissionDocument(form.Id, form.Version, language, RightToLeftLanguages.Contains(language), form.Title.Get(language),
            header, sections, declarations, _attachments, Legal(form.LegalBasis));
    }

    /// <summary>
    /// A page made from one block whose title is the page's shows the heading and the legal basis once, as the wizard
    /// page does: its fields stand directly in the section.
    /// </summary>
    private DocumentSection Section(PageDefinition page)
    {
        var title = page.Title.Get(language);
        if (page.Items is [GroupDefinition { IsRepeating: false } only] && only.Title.Get(language) == title && state[only.Key] is { Visible: true })
            return new DocumentSection(title, Legal(page.LegalBasis.Concat(only.LegalBasis)).Distinct().ToList(), Nodes(only.Items, only.Key));
        return new DocumentSection(title, Legal(page.LegalBasis), Nodes(page.Items, ""));
    }

    private List<DocumentNode> Nodes(IEnumerable<ElementDefinition> items, string prefix)
    {
        var nodes = new List<DocumentNode>();
        foreach (var item in items)
        {
            var path = prefix.Length == 0 ? item.Key : $"{prefix}.{item.Key}";
            if (state[path] is not { Visible: true } itemState) continue;
            switch (item)
            {
                case FieldDefinition { Type.HasAnswer: false }:
                    break;
                case FieldDefinition field:
                    nodes.Add(Field(field, path, itemState));
                    break;
                case GroupDefinition { IsRepeating: true } group:
                    nodes.Add(Repeat(group, path, itemState.Rows));
                    break;
                case GroupDefinition group:
                    nodes.Add(new DocumentGroup(path, group.Title.Get(language), Legal(group.LegalBasis), Nodes(group.Items, path)));
                    break;
            }
        }

        return nodes;
    }

    private DocumentField Field(FieldDefinition field, string path, ElementState itemState)
    {
        var label = field.DocumentLabel.Get(language);
        if (AnswerValues.IsEmpty(itemState.Value)) return new DocumentField(path, label, "");
        if (field.Type is FileFieldType)
            foreach (var file in itemState.Value!.AsArray())
                _attachments.Add(new DocumentAttachment(path, label, file!["name"]!.GetValue<string>(), file["size"]!.GetValue<long>(),
                    file["mediaType"]!.GetValue<string>(), file["sha256"]!.GetValue<string>()));
        return new DocumentField(path, label, field.Type.Format(field, itemState.Value!, _format));
    }

    private DocumentRepeat Repeat(GroupDefinition group, string path, int rowCount)
    {
        var title = group.Title.Get(language);
        var rowLabel = group.Repeat!.RowLabel.IsEmpty ? $"{title} {{n}}" : group.Repeat.RowLabel.Get(language);
        var rows = Enumerable.Range(0, rowCount)
            .Select(i => new DocumentRow($"{path}[{i}]", rowLabel.Replace("{n}", (i + 1).ToString(DisplayFormats.Culture(language))), Nodes(group.Items, $"{path}[{i}]")))
            .ToList();
        var columns = group.Items.OfType<FieldDefinition>().Where(f => f.Type.HasAnswer).Select(f => f.DocumentLabel.Get(language)).ToList();
        return new DocumentRepeat(path, title, Legal(group.LegalBasis), columns, rows);
    }

    private List<string> Legal(IEnumerable<LegalReference> references) => references.Select(r => r.Text.Get(language)).ToList();
}
