using Sozialplattform.Documents.Text;

namespace Sozialplattform.Documents.Tests.Text;

public class BidiResolverTests
{
    [Fact]
    public void German_text_stays_left_to_right_at_level_zero()
    {
        BidiResolver.ResolveLevels("Größe 1.234,56 €", rightToLeft: false).ShouldAllBe(level => level == 0);
    }

    [Fact]
    public void Arabic_in_a_left_to_right_paragraph_is_lifted_to_level_one_with_its_digits_at_level_two()
    {
        var levels = BidiResolver.ResolveLevels("Name: محمد 123", rightToLeft: false);

        levels[..6].ShouldAllBe(level => level == 0);
        levels[6..10].ShouldAllBe(level => level == 1);
        levels[11..].ShouldAllBe(level => level == 2);
    }

    [Fact]
    public void An_amount_in_a_right_to_left_paragraph_keeps_its_separators_inside_the_number()
    {
        var levels = BidiResolver.ResolveLevels("الإيجار 1.234,56", rightToLeft: true);

        levels[..7].ShouldAllBe(level => level == 1);
        levels[8..].ShouldAllBe(level => level == 2);
    }

    [Fact]
    public void The_first_strong_character_decides_a_paragraph_s_direction()
    {
        BidiResolver.FirstStrongIsRightToLeft("12345 Musterstadt").ShouldBe(false);
        BidiResolver.FirstStrongIsRightToLeft("(محمد)").ShouldBe(true);
        BidiResolver.FirstStrongIsRightToLeft("14.03.1981").ShouldBeNull();
    }

    [Fact]
    public void Runs_are_reversed_from_the_highest_level_down()
    {
        BidiResolver.VisualOrder([0, 1, 2, 1, 0]).ShouldBe([0, 3, 2, 1, 4]);
        BidiResolver.VisualOrder([1, 2, 1]).ShouldBe([2, 1, 0]);
    }

    [Fact]
    public void An_isolated_phone_number_in_right_to_left_text_is_one_left_to_right_run()
    {
        var text = "هاتف \u20680221 1234567\u2069";
        var levels = BidiResolver.ResolveLevels(text, rightToLeft: true);

        levels[..5].ShouldAllBe(level => level == 1);
        levels[6..^1].ShouldAllBe(level => level == 2, "digits and the space between them share one even level, so they keep their order");
    }

    [Fact]
    public void Without_isolation_the_two_numbers_of_a_phone_number_are_ordered_right_to_left()
    {
        var levels = BidiResolver.ResolveLevels("هاتف 0221 1234567", rightToLeft: true);

        levels[9].ShouldBe((byte)1, "the space between two numbers belongs to the right-to-left text (UAX #9 N1)");
    }

    [Fact]
    public void The_paragraph_direction_skips_isolates()
    {
        BidiResolver.FirstStrongIsRightToLeft("\u2068Köln\u2069 هاتف").ShouldBe(true);
    }
}
