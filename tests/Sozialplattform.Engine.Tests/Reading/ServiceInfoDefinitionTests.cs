namespace Sozialplattform.Engine.Tests.Reading;

/// <summary><c>serviceInfo</c>: the service page's texts, read per language; unknown properties and missing translations are reported.</summary>
public class ServiceInfoDefinitionTests
{
    private static string Form(string serviceInfo) => $$"""
        { "id": "info", "version": "1.0.0", "status": "draft", "languages": ["de", "en"], "title": { "de": "Info", "en": "Info" },
          "serviceInfo": {{serviceInfo}},
          "pages": [ { "id": "p", "title": { "de": "P", "en": "P" }, "items": [ { "key": "name", "type": "text", "label": { "de": "Name", "en": "Name" } } ] } ] }
        """;

    [Fact]
    public void Every_text_is_read_in_its_languages_and_a_missing_one_stays_empty()
    {
        var info = TestSupport.Form(Form("""
            { "eligibility": { "de": "Wer hier wohnt.", "en": "Who lives here." }, "deadlines": { "de": "Keine.", "en": "None." },
              "costs": { "de": "Kostenlos.", "en": "Free of charge." }, "processingTime": { "de": "Zwei Wochen.", "en": "Two weeks." },
              "afterSubmission": { "de": "Sie bekommen einen Bescheid.", "en": "You get a decision." } }
            """)).Definition.ServiceInfo;

        (info.Eligibility.Get("en"), info.Costs.Get("de"), info.AfterSubmission.Get("en")).ShouldBe(("Who lives here.", "Kostenlos.", "You get a decision."));
        info.PaidFrom.IsEmpty.ShouldBeTrue();
        info.Entries.Select(e => e.Property).ShouldBe(["eligibility", "deadlines", "paidFrom", "costs", "processingTime", "afterSubmission"]);
    }

    [Fact]
    public void A_form_without_service_information_has_empty_texts()
    {
        var definition = TestSupport.Form(Form("{}")).Definition;

        definition.ServiceInfo.Entries.ShouldAllBe(e => e.Text.IsEmpty);
    }

    [Fact]
    public void An_unknown_property_is_a_schema_error_naming_it()
    {
        var result = TestSupport.LoadJson(Form("""{ "fees": "keine" }"""));

        result.Errors.ShouldContain(p => p.Code == "schema" && p.Location.JsonPath.Contains("serviceInfo"));
    }

    [Fact]
    public void A_text_without_a_declared_language_is_a_translation_warning_naming_the_property()
    {
        var result = TestSupport.LoadJson(Form("""{ "costs": { "de": "Kostenlos." } }"""));

        result.Success.ShouldBeTrue();
        result.Warnings.ShouldContain(w => w.Code == "translation-missing" && w.Message.Contains("serviceInfo.costs") && w.Message.Contains("'en'"));
    }
}
