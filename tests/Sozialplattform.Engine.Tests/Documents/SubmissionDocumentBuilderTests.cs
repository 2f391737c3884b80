using System.Text;
using Sozialplattform.Engine.Documents;

namespace Sozialplattform.Engine.Tests.Documents;

/// <summary>The neutral view: ordered, labelled, formatted; hidden fields absent; attachments listed with checksums.</summary>
public class SubmissionDocumentBuilderTests
{
    private static SubmissionDocument Build(string id, string language)
    {
        var engine = TestSupport.LoadSample(id);
        var answers = TestSupport.Answers(File.ReadAllText(Path.Combine(TestSupport.Samples, "forms", id, "1.0.0", "answers", "valid.json")));
        return engine.BuildDocument(engine.Validate(answers), language, new DocumentHeader("SP-2026-TEST", new DateTimeOffset(2026, 11, 25, 10, 0, 0, TimeSpan.Zero), "Jobcenter Dortmund", ["Steinstraße 39", "44147 Dortmund"]));
    }

    public static TheoryData<string> SampleIds() => Samples.SampleTests.SampleIds();

    [Theory]
    [MemberData(nameof(SampleIds))]
    public void The_document_of_the_sample_matches_its_approved_text(string id)
    {
        foreach (var language in new[] { "de", "en" })
            Approvals.Verify(Render(Build(id, language)), $"Documents/Approved/{id}.{language}.txt");
    }

    [Fact]
    public void Hidden_fields_are_absent_and_formatted_values_are_german()
    {
        var text = Render(Build("haushalt", "de"));
        text.Split('\n').Count(line => line.Contains("Besuchte Schule =")).ShouldBe(1);
        text.ShouldContain("Besuchte Schule = Grundschule am Park");
        text.ShouldContain("Monatlicher Betrag (brutto) = 1.450,50 €");
        text.ShouldContain("Geburtsdatum = 12.04.1985");
        text.ShouldNotContain("hinweisEinkommen");
    }

    [Fact]
    public void Attachments_are_listed_with_name_size_media_type_and_checksum()
    {
        var attachment = Build("nachweise", "de").Attachments.First();
        attachment.ShouldBe(new DocumentAttachment("ausweis", "Personalausweis oder Reisepass", "Ausweis Vorderseite.jpg", 834221, "image/jpeg", "a665a45920422f9d417e4867efdc4fb8a04a1f3fff1fa07e998e86f7f7a27ae3"));
    }

    [Fact]
    public void A_page_made_from_one_block_of_its_title_shows_the_heading_and_the_legal_basis_once()
    {
        var engine = TestSupport.Form("""
            { "id": "ein-block", "version": "1.0.0", "status": "draft", "languages": ["de"], "title": "Ein Block",
              "pages": [
                { "id": "bank", "title": "Bankverbindung", "legalBasis": [{ "text": "§ 60 SGB I" }],
                  "items": [ { "key": "bank", "type": "group", "title": "Bankverbindung", "legalBasis": [{ "text": "§ 60 SGB I" }, { "text": "§ 47 SGB I" }],
                    "items": [ { "key": "iban", "type": "text", "label": "IBAN" } ] } ] },
                { "id": "weiteres", "title": "Weiteres",
                  "items": [ { "key": "kind", "type": "group", "title": "Kind", "items": [ { "key": "name", "type": "text", "label": "Name" } ] } ] } ] }
            """);
        var answers = TestSupport.Answers("""{ "bank": { "iban": "DE02120300000000202051" }, "kind": { "name": "Mia" } }""");

        var document = engine.BuildDocument(engine.Validate(answers), "de", new DocumentHeader("SP-1", DateTimeOffset.UnixEpoch, "Amt", []));

        var bank = document.Sections[0];
        bank.Title.ShouldBe("Bankverbindung");
        bank.LegalBasis.ShouldBe(["§ 60 SGB I", "§ 47 SGB I"]);
        bank.Content.ShouldHaveSingleItem().ShouldBeOfType<DocumentField>().Path.ShouldBe("bank.iban", "the field keeps its path");
        document.Sections[1].Content.ShouldHaveSingleItem().ShouldBeOfType<DocumentGroup>().Title.ShouldBe("Kind", "a group with a title of its own stays");
    }

    /// <summary>A plain-text rendering of the document tree for approval files.</summary>
    public static string Render(SubmissionDocument document)
    {
        var text = new StringBuilder();
        text.AppendLine($"# {document.Title} ({document.FormId}@{document.FormVersion}, {document.Language}{(document.RightToLeft ? ", rtl" : "")})");
        text.AppendLine($"reference {document.Header.ReferenceNumber}; authority {document.Header.AuthorityName}");
        foreach (var section in document.Sections)
        {
            text.AppendLine($"## {section.Title} {string.Join("; ", section.LegalBasis)}".TrimEnd());
            foreach (var node in section.Content) Render(node, text, 0);
        }

        foreach (var declaration in document.Declarations) text.AppendLine($"[{(declaration.Confirmed ? "x" : " ")}] {declaration.Text}");
        foreach (var attachment in document.Attachments) text.AppendLine($"attachment {attachment.FileName} {attachment.Size} {attachment.MediaType} {attachment.Sha256[..12]}");
        return text.ToString();
    }

    private static void Render(DocumentNode node, StringBuilder text, int depth)
    {
        var indent = new string(' ', depth * 2);
        switch (node)
        {
            case DocumentField field:
                text.AppendLine($"{indent}{field.Label} = {field.Value}");
                break;
            case DocumentGroup group:
                text.AppendLine($"{indent}### {group.Title}");
                foreach (var child in group.Content) Render(child, text, depth + 1);
                break;
            case DocumentRepeat repeat:
                text.AppendLine($"{indent}### {repeat.Title} [{string.Join(" | ", repeat.Columns)}]");
                foreach (var row in repeat.Rows)
                {
                    text.AppendLine($"{indent}  - {row.Title}");
                    foreach (var child in row.Content) Render(child, text, depth + 2);
                }

                break;
        }
    }
}
