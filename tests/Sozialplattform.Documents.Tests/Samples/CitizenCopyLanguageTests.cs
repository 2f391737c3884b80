using System.Globalization;
using System.Text;
using Sozialplattform.Documents.Pdf;
using Sozialplattform.Documents.Tests.Pdf;
using Sozialplattform.Engine.Documents;
using Sozialplattform.Documents.Text;

namespace Sozialplattform.Documents.Tests.Samples;

/// <summary>
/// The citizen's copy of a catalog application in a portal language other than German: translated, right to left in
/// Arabic, and every character drawn from the shipped fonts (the authority's PDF stays German).
/// </summary>
public class CitizenCopyLanguageTests
{
    private static readonly PdfRenderer Renderer = new();

    /// <summary>The code points each shipped font can draw, read from the repository's font files (never looked up by family name).</summary>
    private static readonly HashSet<uint>[] ShippedFonts = new[] { "DejaVuSans.ttf", "DejaVuSans-Bold.ttf" }
        .Select(name =>
        {
            using var font = new ShapingFont(name, File.ReadAllBytes(Path.Combine(SampleForms.Root, "engine", "Sozialplattform.Documents", "Fonts", name)));
            return font.CodepointsByGlyph.Where(g => g.Key != 0).SelectMany(g => g.Value).ToHashSet();
        })
        .ToArray();

    [Theory]
    [InlineData("asylblg/1.0.2", "ar")]
    [InlineData("asylblg/1.0.2", "tr")]
    [InlineData("asylblg/1.0.2", "uk")]
    [InlineData("buergergeld/1.0.2", "ru")]
    [InlineData("bildung-und-teilhabe/1.0.2", "ar")]
    public void The_citizen_copy_holds_the_translated_title_sections_and_labels_in_glyphs_of_the_shipped_fonts(string service, string language)
    {
        var document = SampleForms.Document(service, language, "forms-catalog");
        var german = SampleForms.Document(service, "de", "forms-catalog");
        document.RightToLeft.ShouldBe(language == "ar");
        document.Title.ShouldNotBe(german.Title, "the copy is in the citizen's language, not the German fallback");

        var result = Renderer.Render(document);
        result.Succeeded.ShouldBeTrue(result.ErrorMessage);
        var extracted = ExtractedPdf.Read(result.Pdf!, document.RightToLeft);
        var words = Words(extracted.Text).ToHashSet();
        extracted.Text.ShouldContain(Sozialplattform.Documents.Pdf.Layout.PdfTexts.For(language).ReferenceNumber, Case.Sensitive, "the fixed words of the PDF are in the copy's language too");

        var texts = new[] { document.Title }.Concat(document.Sections.Select(s => s.Title)).Concat(Labels(document.Sections.SelectMany(s => s.Content))).ToList();
        foreach (var text in texts)
            foreach (var word in Words(text))
                words.ShouldContain(word, customMessage: $"{service} ({language}): '{word}' of '{text}' is missing");

        var lacking = string.Concat(texts).EnumerateRunes().Where(r => !Rune.IsWhiteSpace(r) && !Rune.IsControl(r)).Distinct()
            .Where(r => !ShippedFonts.All(font => font.Contains((uint)r.Value))).Select(r => r.ToString()).ToList();
        lacking.ShouldBeEmpty($"{service} ({language}): characters the shipped fonts cannot draw");
    }

    [Fact]
    public void The_arabic_copy_names_its_language_for_screen_readers()
    {
        var document = SampleForms.Document("asylblg/1.0.2", "ar", "forms-catalog");

        var pdf = Renderer.Render(document).Pdf!;

        System.Text.Encoding.Latin1.GetString(pdf).ShouldContain("/Lang (ar)");
        ExtractedPdf.Read(pdf, rightToLeft: true).Words.ShouldContain("طلب");
    }

    /// <summary>
    /// The words of a text as they can be compared with the extracted ones: split at spaces, hyphens and slashes (lines
    /// break there), without the punctuation around them (brackets are mirrored in right-to-left lines) and without
    /// Arabic vowel marks (PdfPig reports a shadda or tanween as a word of its own).
    /// </summary>
    private static IEnumerable<string> Words(string text) =>
        new string(text.Where(c => CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark).ToArray())
            .Split([' ', '\n', '-', '/', '\u00a0'], StringSplitOptions.RemoveEmptyEntries)
            .Select(w => w.Trim("()[]{}.,;:!?؟،«»„“”\"'–".ToCharArray()))
            .Where(w => w.Any(char.IsLetter));

    private static IEnumerable<string> Labels(IEnumerable<DocumentNode> nodes)
    {
        foreach (var node in nodes)
        {
            switch (node)
            {
                case DocumentField field:
                    yield return field.Label;
                    break;
                case DocumentGroup group:
                    if (group.Title is { Length: > 0 } title) yield return title;
                    foreach (var label in Labels(group.Content)) yield return label;
                    break;
                case DocumentRepeat repeat:
                    yield return repeat.Title; // its labels head narrow table columns, where a long word may wrap inside
                    break;
            }
        }
    }
}
