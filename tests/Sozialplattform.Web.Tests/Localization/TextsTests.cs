using System.Text.Json;
using System.Text.RegularExpressions;
using Sozialplattform.Engine.Localization;
using Sozialplattform.Web.Localization;

namespace Sozialplattform.Web.Tests.Localization;

public sealed partial class TextsTests
{
    private static readonly ChromeTexts Texts = new();

    public static TheoryData<string> Languages() => new(PortalLanguage.All.Select(l => l.Code));

    [Theory]
    [MemberData(nameof(Languages))]
    public void Every_chrome_text_exists_in_every_language_with_the_same_placeholders(string language)
    {
        var german = Texts.Of("de");
        var texts = Texts.Of(language);
        texts.Keys.Order().ShouldBe(german.Keys.Order());
        foreach (var (key, text) in german)
        {
            texts[key].ShouldNotBeNullOrWhiteSpace();
            Placeholders(texts[key]).ShouldBe(Placeholders(text), $"placeholders of '{key}' in {language}");
        }
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void Every_engine_error_message_exists_in_every_portal_language(string language)
    {
        Localizer.Default.Languages.ShouldContain(language);
        using var german = typeof(Localizer).Assembly.GetManifestResourceStream("Sozialplattform.Engine.Localization.messages.de.json")!;
        using var other = typeof(Localizer).Assembly.GetManifestResourceStream($"Sozialplattform.Engine.Localization.messages.{language}.json")!;
        var de = JsonSerializer.Deserialize<Dictionary<string, string>>(german)!;
        var texts = JsonSerializer.Deserialize<Dictionary<string, string>>(other)!;
        texts.Keys.Order().ShouldBe(de.Keys.Order());
        foreach (var (key, text) in de) Placeholders(texts[key]).ShouldBe(Placeholders(text), $"placeholders of '{key}' in {language}");
    }

    [Fact]
    public void Errors_read_in_Arabic_name_the_field_in_the_definition_text_as_an_isolate()
    {
        Localizer.Default.Message("required", new Dictionary<string, object?>(), "Vorname", "ar").ShouldBe("يرجى الإجابة عن «\u2068Vorname\u2069».", "the German label is a bidi isolate");
    }

    private static string[] Placeholders(string text) => Placeholder().Matches(text).Select(m => m.Value).Order().ToArray();

    [GeneratedRegex(@"\{[A-Za-z0-9]+\}")]
    private static partial Regex Placeholder();
}
