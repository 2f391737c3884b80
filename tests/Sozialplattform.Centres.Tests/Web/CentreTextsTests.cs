using Sozialplattform.Centres.Topics;
using Sozialplattform.Centres.Web.Hosting;

namespace Sozialplattform.Centres.Tests.Web;

public sealed class CentreTextsTests
{
    public static TheoryData<string> Languages() => [.. CentreTexts.Languages];

    [Theory]
    [MemberData(nameof(Languages))]
    public void Every_text_of_the_finder_exists_in_every_language_with_the_same_placeholders(string language)
    {
        var texts = new CentreTexts();
        var german = texts.Of("de");

        texts.Of(language).Keys.ShouldBe(german.Keys, ignoreOrder: true);
        foreach (var (key, text) in german)
            Placeholders(texts.Of(language)[key]).ShouldBe(Placeholders(text), $"{language}: {key}");
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void Every_built_in_topic_has_a_name_in_every_language(string language) =>
        TopicTaxonomy.BuiltIn.All.ShouldAllBe(topic => topic.Name.Resolve(language).Language == language);

    private static string[] Placeholders(string text) =>
        [.. System.Text.RegularExpressions.Regex.Matches(text, @"\{\d\}").Select(m => m.Value).Order()];
}
