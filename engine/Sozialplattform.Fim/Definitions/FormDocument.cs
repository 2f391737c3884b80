namespace Sozialplattform.Fim.Definitions;

/// <summary>The subset of a form definition (schemas/form-definition.schema.json) that the FIM import writes.</summary>
public sealed class FormDocument
{
    public required string Id { get; set; }
    public required string Version { get; set; }
    public string Status { get; set; } = "draft";
    public List<string> Languages { get; set; } = ["de"];
    public required LocalizedText Title { get; set; }
    public LocalizedText? Help { get; set; }
    public List<LegalReferenceDocument>? LegalBasis { get; set; }
    public ServiceDocument? Service { get; set; }
    public List<CodeListDocument>? CodeLists { get; set; }
    public List<PageDocument> Pages { get; set; } = [];
    public List<ValidationDocument>? Validations { get; set; }
    public List<NoteDocument>? Notes { get; set; }
}

/// <summary>The form's <c>service</c> identifiers; the import sets only <c>fim</c>.</summary>
public sealed record ServiceDocument(FimReference? Fim);
