using System.Text.Json.Nodes;
using Sozialplattform.Catalog.Tenants;

namespace Sozialplattform.Catalog.Tests.Tenants;

public class TextOverrideTests
{
    private static JsonObject Definition(string form, string version = "1.0.0") => CatalogJson.ReadObject(Repository.Catalog.FullPath($"forms/{form}/{version}/form.json"));

    private static JsonNode? Item(JsonObject definition, string key) =>
        definition["pages"]!.AsArray().SelectMany(p => p!["items"]!.AsArray()).First(i => i!["key"]!.GetValue<string>() == key);

    private static TenantTexts Overrides(string form, string json) =>
        TenantTexts.Read("test", JsonNode.Parse($$"""{"form": "{{form}}", "texts": {{json}}}""")!.AsObject(), "inline");

    [Fact]
    public void The_nrw_overrides_replace_the_wbs_introduction_of_the_newest_version_in_every_language()
    {
        var shared = Definition("wohnberechtigungsschein", "1.0.2");
        var nrw = TenantTexts.Load(Repository.Catalog, "nrw", "wohnberechtigungsschein").ShouldNotBeNull();

        var applied = TextOverrides.Apply(shared, nrw);

        foreach (var language in new[] { "de", "en", "tr", "ar", "uk", "ru" })
            Item(applied, "einleitung")!["text"]![language]!.GetValue<string>().ShouldContain("WFNG NRW", customMessage: language);
        applied["description"]!["de"]!.GetValue<string>().ShouldContain("Nordrhein-Westfalen");
    }

    [Fact]
    public void Applying_overrides_leaves_the_shared_definition_unchanged()
    {
        var path = Repository.Catalog.FullPath("forms/wohnberechtigungsschein/1.0.0/form.json");
        var before = File.ReadAllText(path);
        var shared = Definition("wohnberechtigungsschein");
        var original = shared.ToJsonString();

        TextOverrides.Apply(shared, TenantTexts.Load(Repository.Catalog, "hessen-beispiel", "wohnberechtigungsschein")!);

        shared.ToJsonString().ShouldBe(original);
        File.ReadAllText(path).ShouldBe(before);
    }

    [Fact]
    public void Only_the_languages_given_are_replaced()
    {
        var applied = TextOverrides.Apply(Definition("avgs"), Overrides("avgs", """{"form.title": {"de": "AVGS beantragen"}}"""));

        applied["title"]!["de"]!.GetValue<string>().ShouldBe("AVGS beantragen");
        applied["title"]!["en"]!.GetValue<string>().ShouldBe("Application for an activation and placement voucher (AVGS)");
    }

    [Fact]
    public void A_hint_can_be_added_to_a_field_that_has_none()
    {
        var applied = TextOverrides.Apply(Definition("wohnberechtigungsschein", "1.0.2"), TenantTexts.Load(Repository.Catalog, "hessen-beispiel", "wohnberechtigungsschein")!);

        Item(applied, "raeume")!["hint"]!["de"]!.GetValue<string>().ShouldStartWith("Üblich ist ein Raum je Person");
    }

    [Fact]
    public void Pages_declarations_nested_items_and_inline_options_can_be_addressed()
    {
        var applied = TextOverrides.Apply(Definition("bildung-und-teilhabe"), Overrides("bildung-und-teilhabe", """
            {"pages.zahlung.title": {"de": "Geld"},
             "declarations.wahrheit": {"en": "True."},
             "items.kinder.teilhabeAngaben.aktivitaet.label": {"de": "Verein"},
             "items.zahlungAn.options.anbieter": {"de": "an den Anbieter"}}
            """));

        applied["pages"]![3]!["title"]!["de"]!.GetValue<string>().ShouldBe("Geld");
        applied["declarations"]![0]!["text"]!["en"]!.GetValue<string>().ShouldBe("True.");
        Item(applied, "zahlungAn")!["options"]![0]!["label"]!["de"]!.GetValue<string>().ShouldBe("an den Anbieter");
    }

    [Theory]
    [InlineData("items.gibtEsNicht.label", "no item 'gibtEsNicht'")]
    [InlineData("pages.nirgends.title", "no page 'nirgends'")]
    [InlineData("items.bankverbindung.iban.hint", "uses building block bankverbindung@1.0.0")]
    [InlineData("items.art.required", "'required' is not a text property")]
    [InlineData("routing.jobcenter", "not a text address")]
    public void An_address_that_does_not_fit_the_definition_is_an_error_that_names_it(string address, string reason)
    {
        var error = Should.Throw<CatalogException>(() =>
            TextOverrides.Apply(Definition("einstiegsgeld"), Overrides("einstiegsgeld", "{\"" + address + "\": {\"de\": \"x\"}}")));

        error.Message.ShouldContain($"'{address}'");
        error.Message.ShouldContain(reason);
    }

    [Fact]
    public void A_language_the_form_does_not_declare_is_an_error()
    {
        Should.Throw<CatalogException>(() => TextOverrides.Apply(Definition("avgs"), Overrides("avgs", """{"form.title": {"tr": "AVGS"}}""")))
            .Message.ShouldContain("language 'tr' is not one of the form's languages");
    }

    [Fact]
    public void Overrides_for_another_version_are_not_applied()
    {
        var overrides = TenantTexts.Read("test", JsonNode.Parse("""{"form": "avgs", "version": "2.0.0", "texts": {"form.title": {"de": "neu"}}}""")!.AsObject(), "inline");

        TextOverrides.Apply(Definition("avgs"), overrides)["title"]!["de"]!.GetValue<string>().ShouldNotBe("neu");
    }

    [Fact]
    public void Every_text_override_of_the_example_tenants_fits_its_form()
    {
        foreach (var tenant in new[] { "nrw", "hessen-beispiel" })
        {
            var all = TenantTexts.LoadAll(Repository.Catalog, tenant);
            all.ShouldNotBeEmpty();
            foreach (var texts in all) TextOverrides.Check(Definition(texts.FormId), texts).ShouldBeEmpty();
        }
    }
}
