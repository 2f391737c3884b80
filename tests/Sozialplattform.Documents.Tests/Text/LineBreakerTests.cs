using Sozialplattform.Documents.Text;

namespace Sozialplattform.Documents.Tests.Text;

public class LineBreakerTests
{
    private static readonly ShapingFont Font = DocumentFonts.Default.Regular;

    private static List<string> Break(string text, float widthInEm)
    {
        var paragraph = ShapedParagraph.Shape(text, Font, documentRightToLeft: false);
        return LineBreaker.Break(paragraph, widthInEm).Select(l => text[l.Start..l.End]).ToList();
    }

    [Fact]
    public void Lines_break_after_spaces_and_drop_the_trailing_ones()
    {
        Break("Antrag auf Bürgergeld für die Bedarfsgemeinschaft", 12f)
            .ShouldBe(["Antrag auf Bürgergeld", "für die", "Bedarfsgemeinschaft"]);
    }

    [Fact]
    public void A_hyphenated_word_may_break_after_its_hyphen()
    {
        Break("Kranken-Pflegeversicherung", 11f).ShouldBe(["Kranken-", "Pflegeversicherung"]);
    }

    [Fact]
    public void A_word_wider_than_the_line_is_cut_where_it_must()
    {
        var lines = Break("3f79bb7b435b05321651daefd374cdc681dc06faa65e374e38337b88ca046dea", 10f);

        lines.Count.ShouldBeGreaterThan(1);
        string.Concat(lines).ShouldBe("3f79bb7b435b05321651daefd374cdc681dc06faa65e374e38337b88ca046dea");
    }

    [Fact]
    public void No_line_is_wider_than_the_width_it_was_given()
    {
        var text = string.Concat(Enumerable.Repeat("Heizkostennachzahlung über 412,37 € ist fällig. ", 20));
        var paragraph = ShapedParagraph.Shape(text, Font, documentRightToLeft: false);

        LineBreaker.Break(paragraph, 15f).ShouldAllBe(line => paragraph.Width(line.Start, line.End) <= 15f);
    }

    [Fact]
    public void An_empty_text_is_one_empty_line()
    {
        Break("", 10f).ShouldBe([""]);
    }
}
