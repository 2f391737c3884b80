using Sozialplattform.Engine.Documents;

namespace Sozialplattform.Documents.Tests.TestData;

/// <summary>Builds submission documents by hand, the way the engine's builder will: paths follow the titles.</summary>
internal sealed class DocumentBuilder(string formId, string title, string language = "de")
{
    private readonly List<DocumentSection> _sections = [];
    private readonly List<DocumentDeclaration> _declarations = [];
    private readonly List<DocumentAttachment> _attachments = [];
    private readonly List<string> _legalBasis = [];
    private DocumentHeader _header = new("SP-2026-000123", new DateTimeOffset(2026, 11, 25, 9, 15, 0, TimeSpan.Zero),
        "Jobcenter Musterstadt", ["Hauptstraße 1", "12345 Musterstadt"]);

    public DocumentBuilder Header(DocumentHeader header) { _header = header; return this; }

    public DocumentBuilder LegalBasis(params string[] basis) { _legalBasis.AddRange(basis); return this; }

    public DocumentBuilder Section(string sectionTitle, string legalBasis, params DocumentNode[] content)
    {
        _sections.Add(new DocumentSection(sectionTitle, legalBasis.Length == 0 ? [] : [legalBasis], content));
        return this;
    }

    public DocumentBuilder Declaration(string text, bool confirmed = true)
    {
        _declarations.Add(new DocumentDeclaration($"declaration{_declarations.Count + 1}", text, confirmed));
        return this;
    }

    public DocumentBuilder Attachment(string fieldLabel, string fileName, long size, string mediaType, string sha256)
    {
        _attachments.Add(new DocumentAttachment($"attachments.{_attachments.Count}", fieldLabel, fileName, size, mediaType, sha256));
        return this;
    }

    public SubmissionDocument Build() => new(formId, "1.0.0", language, language == "ar", title, _header,
        _sections, _declarations, _attachments, _legalBasis);

    public static DocumentField Field(string label, string value) => new(Path(label), label, value);

    public static DocumentGroup Group(string groupTitle, params DocumentNode[] content) => new(Path(groupTitle), groupTitle, [], content);

    public static DocumentRepeat Table(string repeatTitle, IReadOnlyList<string> columns, IEnumerable<IReadOnlyList<string>> rows) =>
        new(Path(repeatTitle), repeatTitle, [], columns, rows.Select((values, i) => new DocumentRow(
            $"{Path(repeatTitle)}[{i}]", $"{repeatTitle} {i + 1}",
            columns.Zip(values, (c, v) => (DocumentNode)Field(c, v)).ToList())).ToList());

    public static DocumentRepeat Blocks(string repeatTitle, string rowTitle, params IReadOnlyList<DocumentNode>[] rows) =>
        new(Path(repeatTitle), repeatTitle, [], [], rows.Select((content, i) => new DocumentRow(
            $"{Path(repeatTitle)}[{i}]", $"{rowTitle} {i + 1}", content)).ToList());

    private static string Path(string label) =>
        new string(label.ToLowerInvariant().Where(char.IsLetterOrDigit).Take(24).ToArray());
}
