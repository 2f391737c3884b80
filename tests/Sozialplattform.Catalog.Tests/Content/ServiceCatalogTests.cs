using System.Text.Json.Nodes;

namespace Sozialplattform.Catalog.Tests.Content;

/// <summary>The content promises of the catalog that do not need the engine: which services exist, their identifiers and languages.</summary>
public class ServiceCatalogTests
{
    /// <summary>The services of PRODUCT.md with their fixed form ids (the routing maps them to authorities).</summary>
    public static readonly string[] Services =
    [
        "buergergeld", "hilfe-zum-lebensunterhalt", "grundsicherung", "bildung-und-teilhabe", "mietrueckstaende", "asylblg",
        "eingliederung-langzeitarbeitsloser", "teilhabe-am-arbeitsmarkt", "einstiegsgeld", "freie-foerderung", "eingliederung-selbststaendiger",
        "avgs", "vermittlungsbudget", "arbeitsgelegenheiten", "kommunale-eingliederungsleistungen", "foerderung-junger-menschen",
        "besondere-soziale-schwierigkeiten", "geringverdiener-bescheinigung", "soziale-entschaedigung", "wohnberechtigungsschein",
        "schuldnerberatung", "suchtberatung", "wohnungsnotfallhilfe",
    ];

    public static TheoryData<string> AllForms => new(Services.Append("sozialleistungsfinder"));

    /// <summary>The newest version of the form: the one the portal offers to new applicants.</summary>
    private static JsonObject Form(string id) => CatalogJson.ReadObject(Repository.Catalog.FullPath(CatalogRoot.FormPath(Repository.Catalog.ResolveForm(id, null))));

    [Fact]
    public void Every_service_of_the_product_has_a_published_form_and_there_are_no_others()
    {
        Repository.Catalog.Forms().Select(f => f.Id).Distinct().Order().ShouldBe(Services.Append("sozialleistungsfinder").Order());
        foreach (var id in Services) CatalogJson.String(Form(id), "status").ShouldBe("published");
    }

    [Fact]
    public void Leika_keys_and_ozg_ids_are_set_exactly_where_the_product_names_them()
    {
        var known = new Dictionary<string, (string[] Leika, string Ozg)>
        {
            ["besondere-soziale-schwierigkeiten"] = (["99107015017000"], "10087"),
            ["schuldnerberatung"] = (["99107060058000"], "10622"),
            ["suchtberatung"] = (["99107058058000", "99107057058000"], "10623"),
        };
        foreach (var id in Services.Append("sozialleistungsfinder"))
        {
            var service = Form(id)["service"]!;
            var leika = service["leikaKeys"]!.AsArray().Select(k => k!.GetValue<string>()).ToArray();
            var ozg = CatalogJson.String(service, "ozgId") ?? "";
            if (known.TryGetValue(id, out var expected))
            {
                leika.ShouldBe(expected.Leika, id);
                ozg.ShouldBe(expected.Ozg, id);
            }
            else
            {
                leika.ShouldBeEmpty(id);
                ozg.ShouldBeEmpty(id);
            }
        }
    }

    [Theory]
    [MemberData(nameof(AllForms))]
    public void Every_form_is_in_german_and_english_with_german_first(string id)
    {
        var languages = Form(id)["languages"]!.AsArray().Select(l => l!.GetValue<string>()).ToList();

        languages[0].ShouldBe("de");
        languages.ShouldContain("en");
    }

    [Fact]
    public void The_counselling_contact_forms_need_no_login_and_no_real_name()
    {
        foreach (var id in new[] { "schuldnerberatung", "suchtberatung", "wohnungsnotfallhilfe" })
        {
            var form = Form(id);
            form["access"]!["login"]!.GetValue<string>().ShouldBe("none");
            CatalogJson.String(form, "purpose").ShouldBe("contactRequest", $"{id}: a contact request to the chosen centre, with no place step");
            var fields = form["pages"]!.AsArray().SelectMany(p => p!["items"]!.AsArray()).Select(i => i!.AsObject()).ToList();
            fields.ShouldNotContain(i => i["block"] != null, "no person block: counselling is anonymous");
            fields.Where(i => i["required"]?.GetValue<bool>() == true).Select(i => i["key"]!.GetValue<string>())
                .ShouldBeSubsetOf(["kontaktweg", "beratungsform", "fuerWen", "themen", "zielgruppe", "situation"]);
            fields.Where(i => i["type"]?.GetValue<string>() is "address" or "postalCode").ShouldAllBe(i => i["required"] == null && i["requiredIf"] == null, "a place of residence only if the person wants to give one");
            fields.SelectMany(i => i["options"]?.AsArray() ?? []).Select(o => o!["code"]!.GetValue<string>()).ShouldNotContain("chat", "the anonymous chat has nothing behind it yet");
        }
    }
}
