using Scriban.Runtime;
using Sozialplattform.Documents.Formatting;
using Sozialplattform.Engine.Documents;

namespace Sozialplattform.Documents.Templating;

/// <summary>
/// What a template sees: plain <see cref="ScriptObject"/>s and <see cref="ScriptArray"/>s of strings,
/// numbers and booleans built from the submission document. No .NET object reaches a template.
/// Fields are flattened per section; <c>group</c> names the groups and rows above a field; <c>answers</c> has every field by path.
/// </summary>
public static class TemplateModel
{
    public static ScriptObject Create(SubmissionDocument document, TimeZoneInfo zone, IReadOnlyDictionary<string, string>? values = null)
    {
        var header = document.Header;
        var model = new ScriptObject
        {
            ["title"] = document.Title,
            ["form_id"] = document.FormId,
            ["form_version"] = document.FormVersion,
            ["language"] = document.Language,
            ["right_to_left"] = document.RightToLeft,
            ["reference_number"] = header.ReferenceNumber ?? "",
            ["submitted_at"] = header.SubmittedAt is { } at ? DocumentFormat.DateTime(at, document.Language, zone) : "",
            ["submitted_on"] = header.SubmittedAt is { } on ? DocumentFormat.Date(on, document.Language, zone) : "",
            ["authority"] = new ScriptObject { ["name"] = header.AuthorityName ?? "", ["address"] = Strings(header.AuthorityAddress) },
            ["legal_basis"] = Strings(document.LegalBasis),
            ["sections"] = Array(document.Sections.Select(Section)),
            ["answers"] = Answers(document),
            ["declarations"] = Array(document.Declarations.Select(d => new ScriptObject { ["text"] = d.Text, ["confirmed"] = d.Confirmed })),
            ["attachments"] = Array(document.Attachments.Select(a => Attachment(a, document.Language))),
            ["status_url"] = "",
        };

        foreach (var (key, value) in values ?? new Dictionary<string, string>())
            model[key] = value;
        return model;
    }

    private static ScriptObject Section(DocumentSection section) => new()
    {
        ["title"] = section.Title,
        ["legal_basis"] = Strings(section.LegalBasis),
        ["fields"] = Array(Fields(section.Content, "")),
    };

    private static IEnumerable<ScriptObject> Fields(IEnumerable<DocumentNode> nodes, string group) => nodes.SelectMany(node => node switch
    {
        DocumentField field => [new ScriptObject { ["group"] = group, ["label"] = field.Label, ["value"] = field.Value, ["path"] = field.Path, ["note"] = field.Note }],
        DocumentGroup inner => Fields(inner.Content, Join(group, inner.Title)),
        DocumentRepeat repeat => repeat.Rows.SelectMany(row => Fields(row.Content, Join(Join(group, repeat.Title), row.Title))),
        _ => [],
    });

    /// <summary>Every shown answer by its path (<c>answers["antragsteller.vorname"]</c>), for letters that name single answers.</summary>
    private static ScriptObject Answers(SubmissionDocument document)
    {
        var answers = new ScriptObject();
        foreach (var field in document.Sections.SelectMany(s => Fields(s.Content, "")))
            answers[field["path"]?.ToString() ?? ""] = field["value"];
        return answers;
    }

    private static ScriptObject Attachment(DocumentAttachment attachment, string language) => new()
    {
        ["field_label"] = attachment.FieldLabel,
        ["file_name"] = attachment.FileName,
        ["size"] = DocumentFormat.FileSize(attachment.Size, language),
        ["size_bytes"] = attachment.Size,
        ["media_type"] = attachment.MediaType,
        ["sha256"] = attachment.Sha256,
    };

    private static string Join(string group, string title) => group.Length == 0 ? title : $"{group} › {title}";

    private static ScriptArray Strings(IEnumerable<string> values) => new(values);

    private static ScriptArray Array(IEnumerable<ScriptObject> items) => new(items);
}
