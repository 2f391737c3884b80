using System.Text.Json.Nodes;
using Sozialplattform.Catalog.Lint;

namespace Sozialplattform.Catalog.Tests.Lint;

public sealed class CatalogLintTests : IDisposable
{
    private readonly TemporaryCatalog _catalog = new TemporaryCatalog().CopyFromServices("blocks").CopyFromServices("codelists").CopyFromServices("forms/avgs");

    public void Dispose() => _catalog.Dispose();

    private const string FormPath = "forms/avgs/1.0.0/form.json";
    private const string NewestPath = "forms/avgs/1.0.2/form.json";

    private void Change(Action<JsonObject> change)
    {
        var form = JsonNode.Parse(_catalog.Read(FormPath))!.AsObject();
        change(form);
        _catalog.Write(FormPath, form);
    }

    private static JsonObject Item(JsonObject form, string key) =>
        form["pages"]!.AsArray().SelectMany(p => p!["items"]!.AsArray()).First(i => i!["key"]!.GetValue<string>() == key)!.AsObject();

    private IReadOnlyList<string> Errors() =>
        CatalogLinter.Lint(_catalog.Root).Where(f => f.Severity == LintSeverity.Error).Select(f => f.ToString()).ToList();

    [Fact]
    public void The_services_catalog_has_no_lint_errors()
    {
        CatalogLinter.Lint(Repository.Catalog).Where(f => f.Severity == LintSeverity.Error).Select(f => f.ToString()).ShouldBeEmpty();
    }

    [Fact]
    public void A_copied_form_with_its_blocks_and_code_lists_is_clean()
    {
        Errors().ShouldBeEmpty();
    }

    [Fact]
    public void A_label_that_marks_itself_optional_is_reported_because_the_portal_adds_the_marker()
    {
        Change(f => Item(f, "ziel")["label"] = new JsonObject { ["de"] = "Ziel (freiwillig)", ["en"] = "Goal" });

        CatalogLinter.Lint(_catalog.Root).ShouldContain(f => f.Severity == LintSeverity.Warning && f.ToString().Contains("ziel label") && f.ToString().Contains("ends with '(freiwillig)'"));
        Errors().ShouldBeEmpty("a published version cannot change its labels, so this is a warning for its next version");
    }

    [Fact]
    public void A_required_read_only_field_without_a_value_is_reported_because_nobody_can_fill_it_in()
    {
        Change(f => { Item(f, "ziel")["readOnly"] = true; Item(f, "ziel")["required"] = true; });

        Errors().ShouldContain(e => e.Contains("ziel") && e.Contains("required and read-only without a default or computed value"));
    }

    [Fact]
    public void A_required_read_only_field_with_a_default_is_clean()
    {
        Change(f => { Item(f, "ziel")["readOnly"] = true; Item(f, "ziel")["required"] = true; Item(f, "ziel")["default"] = "Arbeit"; });

        Errors().ShouldBeEmpty();
    }

    [Fact]
    public void A_fim_select_that_waits_for_its_code_list_is_reported_because_the_list_would_change_its_answer_shape()
    {
        Change(f => Item(f, "ziel")["notes"] = new JsonArray(new JsonObject
        {
            ["text"] = "Code list missing at import.",
            ["source"] = "fim:codelisteReferenz",
            ["fim"] = new JsonObject { ["id"] = "urn:de:xoev:codeliste:staaten", ["version"] = "2024-01-01" },
        }));

        Errors().ShouldContain(e => e.Contains("ziel") && e.Contains("FIM code list urn:de:xoev:codeliste:staaten 2024-01-01 was not available"));
    }

    [Fact]
    public void A_rule_that_reads_an_unknown_name_is_reported()
    {
        Change(f => Item(f, "traeger")["visibleIf"] = "traegerGewaehlt === true");

        Errors().ShouldContain(e => e.Contains("traeger visibleIf") && e.Contains("unknown name 'traegerGewaehlt'"));
    }

    [Fact]
    public void A_rule_that_reads_a_missing_item_of_a_group_is_reported()
    {
        Change(f => Item(f, "ziel")["visibleIf"] = "jobcenter.kundenNummer !== null");

        Errors().ShouldContain(e => e.Contains("'jobcenter' has no item 'kundenNummer'"));
    }

    [Fact]
    public void A_rule_with_a_syntax_error_is_reported_with_its_position()
    {
        Change(f => Item(f, "ziel")["visibleIf"] = "art === 'mat' &&");

        Errors().ShouldContain(e => e.Contains("syntax error at line 1"));
    }

    [Fact]
    public void Names_of_arrow_function_parameters_and_helpers_are_not_answers()
    {
        Change(f => Item(f, "ziel")["visibleIf"] = "count([jobcenter], j => j.buergergeldBezug === true) > 0 && isFilled(art)");

        Errors().ShouldBeEmpty();
    }

    [Fact]
    public void A_text_without_english_is_reported()
    {
        Change(f => Item(f, "ziel")["label"] = new JsonObject { ["de"] = "Ziel" });

        Errors().ShouldContain(e => e.Contains("ziel label: no 'en' text"));
    }

    [Fact]
    public void A_block_or_code_list_that_does_not_exist_is_reported()
    {
        Change(f =>
        {
            var items = f["pages"]![0]!["items"]!.AsArray();
            items.Add(new JsonObject { ["key"] = "partner", ["type"] = "group", ["block"] = "partner@1.0.0" });
            items.Add(new JsonObject { ["key"] = "land", ["type"] = "choice", ["label"] = new JsonObject { ["de"] = "Land", ["en"] = "Country" }, ["codeList"] = "laender@1.0.0" });
        });

        Errors().ShouldContain(e => e.Contains("building block partner@1.0.0 is not in the catalog"));
        Errors().ShouldContain(e => e.Contains("code list laender@1.0.0 is neither in the catalog nor defined in the form"));
    }

    [Fact]
    public void A_form_without_a_leika_key_must_tell_the_operator()
    {
        Change(f => f.Remove("operatorTodo"));

        Errors().ShouldContain(e => e.Contains("service.leikaKeys: empty, and no operatorTodo"));
    }

    [Fact]
    public void Missing_metadata_is_reported()
    {
        Change(f =>
        {
            f.Remove("description");
            f["topic"] = "steuern";
            f["languages"] = new JsonArray("de");
        });

        Errors().ShouldContain(e => e.Contains("description: missing"));
        Errors().ShouldContain(e => e.Contains("'steuern' is not a topic of catalog.json"));
        Errors().ShouldContain(e => e.Contains("'en' is missing"));
    }

    [Fact]
    public void The_newest_version_of_an_application_must_answer_the_service_page_questions_and_older_versions_are_exempt()
    {
        var newest = JsonNode.Parse(_catalog.Read(NewestPath))!.AsObject();
        newest.Remove("serviceInfo");
        _catalog.Write(NewestPath, newest);

        var errors = Errors();

        foreach (var property in new[] { "eligibility", "deadlines", "costs", "processingTime", "afterSubmission" })
            errors.ShouldContain(e => e.Contains(NewestPath) && e.Contains($"serviceInfo.{property}") && e.Contains("missing: the service page tells citizens this before they start"));
        errors.ShouldNotContain(e => e.Contains("serviceInfo.paidFrom"), "not every service pays money");
        errors.ShouldNotContain(e => e.Contains(FormPath), "1.0.0 is published without it and never changes");
        errors.ShouldNotContain(e => e.Contains("forms/avgs/1.0.1/form.json"), "an older version is exempt even when it has the texts");
    }

    [Fact]
    public void A_service_page_text_without_english_is_reported()
    {
        var newest = JsonNode.Parse(_catalog.Read(NewestPath))!.AsObject();
        newest["serviceInfo"]!["costs"] = new JsonObject { ["de"] = "Der Antrag ist kostenlos." };
        _catalog.Write(NewestPath, newest);

        Errors().ShouldContain(e => e.Contains(NewestPath) && e.Contains("serviceInfo.costs") && e.Contains("no 'en' text"));
    }

    [Fact]
    public void A_form_without_sample_answers_is_reported()
    {
        File.Delete(Path.Combine(_catalog.Folder, "forms/avgs/1.0.0/answers/invalid.expected.json"));

        Errors().ShouldContain(e => e.Contains("invalid.expected.json is missing"));
    }

    [Fact]
    public void A_form_whose_id_differs_from_its_folder_is_reported()
    {
        Change(f => f["id"] = "avgs-neu");

        Errors().ShouldContain(e => e.Contains("the file says avgs-neu@1.0.0, its path says avgs@1.0.0"));
    }

    [Fact]
    public void A_duplicate_key_is_reported()
    {
        Change(f => f["pages"]![1]!["items"]!.AsArray().Add(new JsonObject { ["key"] = "ziel", ["type"] = "text", ["label"] = new JsonObject { ["de"] = "x", ["en"] = "x" } }));

        Errors().ShouldContain(e => e.Contains("key 'ziel' is used more than once"));
    }

    [Fact]
    public void A_tenant_override_for_a_missing_item_is_reported()
    {
        _catalog.Write("tenants/test/texts/avgs.json", """{"form": "avgs", "texts": {"items.gibtEsNicht.label": {"de": "x"}}}""");

        Errors().ShouldContain(e => e.Contains("tenants/test/texts/avgs.json") && e.Contains("no item 'gibtEsNicht'"));
    }

    [Fact]
    public void A_tenant_that_offers_a_form_the_catalog_lacks_or_cannot_route_is_reported()
    {
        _catalog.CopyFromServices("forms/sozialleistungsfinder");
        _catalog.Write("tenants/test/tenant.json", """{"id": "test", "name": "Test", "services": ["avgs", "gibt-es-nicht", "sozialleistungsfinder"]}""");
        _catalog.Write("tenants/test/routing.json", """{"services": {"buergergeld": "jobcenter"}, "assignments": []}""");

        var errors = Errors();

        errors.ShouldContain(e => e.Contains("tenants/test/tenant.json") && e.Contains("services[1]") && e.Contains("'gibt-es-nicht' is not a form of the catalog"));
        errors.ShouldContain(e => e.Contains("services[0]") && e.Contains("'avgs' is offered, but tenants/test/routing.json maps no role to it"));
        errors.ShouldNotContain(e => e.Contains("services[2]"), "a questionnaire needs no routing");
    }

    [Fact]
    public void A_tenant_that_offers_only_routed_forms_is_clean()
    {
        _catalog.Write("tenants/test/tenant.json", """{"id": "test", "name": "Test", "services": ["avgs"]}""");
        _catalog.Write("tenants/test/routing.json", """{"services": {"avgs": "jobcenter"}, "assignments": []}""");
        foreach (var slug in Sozialplattform.Catalog.Tenants.TenantPages.Required) _catalog.Write($"tenants/test/pages/{slug}.de.md", $"# {slug}\n\nText.");

        Errors().ShouldBeEmpty();
    }
}
