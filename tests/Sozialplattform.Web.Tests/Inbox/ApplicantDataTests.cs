using System.Text.Json.Nodes;
using Sozialplattform.Engine;
using Sozialplattform.Storage.Inbox;
using Sozialplattform.Web.Inbox.Notifications;
using Sozialplattform.Web.Tests.Infrastructure;

namespace Sozialplattform.Web.Tests.Inbox;

/// <summary>What the inbox takes from the answers: the applicant's e-mail address, the name for the list, the words for the search.</summary>
public sealed class ApplicantDataTests
{
    private static FormEngine Engine(string form) => FormEngine.Load(Path.Combine(RepositoryPaths.Samples, "forms", form, "1.0.0", "form.json")).EngineOrThrow();

    [Fact]
    public void The_applicants_e_mail_is_the_first_answered_e_mail_field_and_an_empty_answer_is_none()
    {
        var kontakt = Engine("kontakt").Definition;
        ApplicantEmail.From(kontakt, new JsonObject { ["email"] = " hilfe@example.org " }).ShouldBe("hilfe@example.org");
        ApplicantEmail.From(kontakt, new JsonObject { ["email"] = "", ["telefon"] = "0201 1" }).ShouldBeNull();
        ApplicantEmail.From(Engine("haushalt").Definition, JsonNode.Parse("""{"antragsteller":{"vorname":"A"}}""")!.AsObject()).ShouldBeNull();
    }

    [Fact]
    public void The_listed_name_comes_from_the_first_group_with_a_family_name_outside_repeating_groups()
    {
        var answers = JsonNode.Parse("""
            { "mitglieder": [ { "vorname": "Kind", "nachname": "Zuerst" } ],
              "antragsteller": { "vorname": "Ayşe", "nachname": "Yılmaz" }, "partner": { "vorname": "Mehmet", "familienname": "Öztürk" } }
            """)!.AsObject();

        ApplicantNames.DisplayName(answers).ShouldBe("Yılmaz, Ayşe");
        ApplicantNames.DisplayName(new JsonObject { ["name"] = "Jo" }).ShouldBe("Jo");
        ApplicantNames.DisplayName(new JsonObject { ["thema"] = "schulden" }).ShouldBeNull();
        ApplicantNames.SearchWords(answers).Order().ShouldBe(["ayse", "kind", "mehmet", "ozturk", "yilmaz", "zuerst"]);
    }

    [Theory]
    [InlineData("Müller-Lüdenscheidt", new[] { "muller", "ludenscheidt" })]
    [InlineData("YILMAZ Yılmaz", new[] { "yilmaz" })]
    [InlineData("Straße  Ørsted Łukasz", new[] { "strasse", "orsted", "lukasz" })]
    [InlineData("  ", new string[0])]
    public void Names_are_folded_to_lower_case_words_without_accents(string text, string[] words) =>
        NameWords.Of(text).ShouldBe(words);
}
