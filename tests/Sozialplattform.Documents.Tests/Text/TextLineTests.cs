using Sozialplattform.Documents.Text;

namespace Sozialplattform.Documents.Tests.Text;

public class TextLineTests
{
    [Fact]
    public void Characters_the_font_lacks_are_left_out_instead_of_drawing_the_notdef_glyph()
    {
        var paragraph = ShapedParagraph.Shape("Name: 漢字 Müller", DocumentFonts.Default.Regular, documentRightToLeft: false);

        var line = TextLine.Cut(paragraph, 0, paragraph.Text.Length);

        line.Runs.SelectMany(r => r.Glyphs).ShouldNotContain((ushort)0);
        line.Runs.SelectMany(r => r.Glyphs).Count().ShouldBe("Name:  Müller".Length);
    }

    [Fact]
    public void An_arabic_word_is_shaped_into_joined_forms_and_placed_right_to_left()
    {
        var paragraph = ShapedParagraph.Shape("محمد", DocumentFonts.Default.Regular, documentRightToLeft: false);

        var line = TextLine.Cut(paragraph, 0, 4);

        paragraph.RightToLeft.ShouldBeTrue();
        var run = line.Runs.Single();
        run.Utf8Clusters.ShouldBe(run.Utf8Clusters.OrderByDescending(c => c).ToArray());
        run.X.ShouldBe(run.X.Order().ToArray());
    }
}
