using Sozialplattform.Fim.Exporting;

namespace Sozialplattform.Fim.Tests.Exporting;

/// <summary>The short cut of <see cref="LatinText.Normalize"/> (no ICU for composed Latin text) gives what the full path gives.</summary>
public sealed class LatinTextTests
{
    [Fact]
    public void Every_character_below_the_combining_marks_is_already_composed_so_the_short_cut_changes_nothing()
    {
        for (var c = (char)0; c < '\u0300'; c++)
        {
            var text = c.ToString();
            LatinText.Normalize(text).ShouldBe(Reference(text), $"U+{(int)c:X4}");
        }
    }

    [Theory]
    [InlineData("Müller-Lüdenscheidt, Straße 5", "Müller-Lüdenscheidt, Straße 5", 0)]
    [InlineData("Mu\u0308ller", "Müller", 0)]
    [InlineData("„Wohngeld“ – light…", "\"Wohngeld\" - light...", 4)]
    [InlineData("Ǆ und Ω", "? und ?", 2)]
    [InlineData("", "", 0)]
    public void Texts_are_normalised_as_before(string text, string expected, int changed)
    {
        LatinText.Normalize(text).ShouldBe((expected, changed));
        LatinText.Normalize(text).ShouldBe(Reference(text));
    }

    /// <summary>The full path (composition by ICU, then replacement): forced by a trailing en dash, which becomes "-" and counts once.</summary>
    private static (string, int) Reference(string text)
    {
        var (full, changed) = LatinText.Normalize(text + "\u2013");
        full.ShouldEndWith("-");
        return (full[..^1], changed - 1);
    }
}
