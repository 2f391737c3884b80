using Sozialplattform.Engine.Definitions;

namespace Sozialplattform.Engine.Tests.Reading;

/// <summary>What happens to each kind of broken definition: a specific problem with file, line and JSON path — never an exception.</summary>
public class BadDefinitionTests
{
    private static IReadOnlyList<DefinitionProblem> Problems(string json)
    {
        var result = TestSupport.LoadJson(json);
        result.Success.ShouldBeFalse();
        return result.Errors.ToList();
    }

    [Fact]
    public void Malformed_json_is_reported_with_its_line_and_column()
    {
        var problem = Problems("{\n  \"id\": \"x\",\n  \"version\": \"1.0.0\"\n  \"status\": \"draft\"\n}").Single();
        problem.Code.ShouldBe("json");
        problem.Location.Line.ShouldBe(4);
        problem.Location.Column.ShouldBeGreaterThan(0);
        problem.Location.File.ShouldBe("test.json");
    }

    [Fact]
    public void Content_after_the_json_document_is_rejected() =>
        Problems(TestSupport.FormWith("[]") + " {}").Single().Code.ShouldBe("json");

    [Fact]
    public void Schema_violations_name_the_json_path_of_each_violation()
    {
        var problems = Problems("""
            { "id": "Not Valid", "version": "1", "status": "draft", "languages": ["de"], "title": "T",
              "pages": [ { "id": "p", "title": "P", "items": [ { "key": "a", "type": "text", "label": "A", "colour": "red" } ] } ] }
            """);
        problems.ShouldAllBe(p => p.Code == "schema");
        problems.ShouldContain(p => p.Location.JsonPath == "id");
        problems.ShouldContain(p => p.Location.JsonPath == "version");
        problems.ShouldContain(p => p.Location.JsonPath.Contains("pages[0].items[0]") && p.Message.Contains("colour"));
        problems.ShouldAllBe(p => p.Location.Line > 0);
    }

    [Fact]
    public void A_missing_required_property_is_named()
    {
        var problems = Problems("""{ "id": "x", "version": "1.0.0", "status": "draft", "languages": ["de"], "pages": [] }""");
        problems.ShouldContain(p => p.Message.Contains("'title'"));
    }

    [Fact]
    public void An_unknown_field_type_names_the_field_the_type_and_the_known_types()
    {
        var problem = Problems(TestSupport.FormWith("""[ { "key": "farbe", "type": "colour", "label": "Farbe" } ]""")).Single();
        problem.Code.ShouldBe("unknown-field-type");
        problem.Message.ShouldContain("'farbe'");
        problem.Message.ShouldContain("'colour'");
        problem.Message.ShouldContain("iban");
        problem.Location.JsonPath.ShouldBe("pages[0].items[0].type");
    }

    [Fact]
    public void Duplicate_json_keys_are_rejected_with_their_line()
    {
        var problem = Problems("{\n\"id\": \"a\",\n\"id\": \"b\"\n}").Single();
        problem.Code.ShouldBe("json");
        problem.Message.ShouldContain("id");
        problem.Location.Line.ShouldBe(3);
    }

    [Fact]
    public void Duplicate_item_keys_among_siblings_are_rejected_also_across_pages()
    {
        var problems = Problems("""
            { "id": "x", "version": "1.0.0", "status": "draft", "languages": ["de"], "title": "T",
              "pages": [ { "id": "p1", "title": "A", "items": [ { "key": "name", "type": "text", "label": "Name" } ] },
                         { "id": "p2", "title": "B", "items": [ { "key": "name", "type": "text", "label": "Name" } ] } ] }
            """);
        problems.ShouldContain(p => p.Code == "duplicate-key" && p.Message.Contains("'name'"));
    }

    [Fact]
    public void Duplicate_page_ids_are_rejected()
    {
        var problems = Problems("""
            { "id": "x", "version": "1.0.0", "status": "draft", "languages": ["de"], "title": "T",
              "pages": [ { "id": "p", "title": "A", "items": [] }, { "id": "p", "title": "B", "items": [] } ] }
            """);
        problems.ShouldContain(p => p.Code == "duplicate-page");
    }

    [Fact]
    public void A_property_that_does_not_apply_to_the_field_type_is_named()
    {
        var problem = Problems(TestSupport.FormWith("""[ { "key": "name", "type": "text", "label": "Name", "maxFiles": 3 } ]""")).Single();
        problem.Code.ShouldBe("property-not-allowed");
        problem.Message.ShouldContain("'maxFiles'");
        problem.Message.ShouldContain("'text'");
    }

    [Fact]
    public void A_rule_syntax_error_is_reported_with_its_position_in_the_expression()
    {
        var problem = Problems(TestSupport.FormWith("""[ { "key": "a", "type": "text", "label": "A", "visibleIf": "b ==* 2" }, { "key": "b", "type": "integer", "label": "B" } ]""")).Single();
        problem.Code.ShouldBe("rule-syntax");
        problem.Message.ShouldContain("column 5");
        problem.Location.JsonPath.ShouldBe("pages[0].items[0].visibleIf");
    }

    [Fact]
    public void A_statement_instead_of_an_expression_is_a_syntax_error() =>
        Problems(TestSupport.FormWith("""[ { "key": "a", "type": "text", "label": "A", "visibleIf": "while(true){}" } ]""")).Single().Code.ShouldBe("rule-syntax");

    [Fact]
    public void Every_problem_is_reported_not_only_the_first()
    {
        var problems = Problems(TestSupport.FormWith("""
            [ { "key": "a", "type": "text", "label": "A", "visibleIf": "unbekannt > 1" },
              { "key": "b", "type": "text", "label": "B", "requiredIf": "(" },
              { "key": "c", "type": "choice", "label": "C" },
              { "key": "d", "type": "text", "label": "D", "pattern": "[" } ]
            """));
        problems.Select(p => p.Code).ShouldBe(["options-missing", "pattern-invalid", "rule-unknown-name", "rule-syntax"], ignoreOrder: true);
    }

    [Fact]
    public void A_reference_to_a_field_that_does_not_exist_is_named()
    {
        var problem = Problems(TestSupport.FormWith("""[ { "key": "a", "type": "text", "label": "A", "visibleIf": "alter >= 18" } ]""")).Single();
        problem.Code.ShouldBe("rule-unknown-name");
        problem.Message.ShouldContain("'alter'");
    }

    [Fact]
    public void A_reference_into_a_group_names_the_missing_item()
    {
        var problem = Problems(TestSupport.FormWith("""
            [ { "key": "person", "type": "group", "title": "P", "items": [ { "key": "name", "type": "text", "label": "N" } ] },
              { "key": "a", "type": "text", "label": "A", "visibleIf": "person.nmae === 'x'" } ]
            """)).Single();
        problem.Message.ShouldContain("group 'person' has no item 'nmae'");
    }

    [Fact]
    public void Cycles_between_computed_values_and_visibility_are_reported_with_the_elements_on_the_cycle()
    {
        var problem = Problems(TestSupport.FormWith("""
            [ { "key": "a", "type": "integer", "label": "A", "value": "b + 1" },
              { "key": "b", "type": "integer", "label": "B", "value": "c + 1" },
              { "key": "c", "type": "integer", "label": "C", "visibleIf": "a > 0" } ]
            """)).Single();
        problem.Code.ShouldBe("rule-cycle");
        problem.Message.ShouldContain("'a'");
        problem.Message.ShouldContain("'b'");
        problem.Message.ShouldContain("'c'");
    }

    [Fact]
    public void Date_and_eval_are_forbidden_in_rules_with_a_reason()
    {
        var problems = Problems(TestSupport.FormWith("""
            [ { "key": "a", "type": "text", "label": "A", "visibleIf": "new Date('2026-01-05').getDay() === 1" },
              { "key": "b", "type": "text", "label": "B", "visibleIf": "eval('1')" } ]
            """));
        problems.ShouldContain(p => p.Code == "rule-forbidden" && p.Message.Contains("today()"));
        problems.ShouldContain(p => p.Code == "rule-forbidden" && p.Message.Contains("eval"));
    }

    [Fact]
    public void Rules_must_not_assign_to_answers() =>
        Problems(TestSupport.FormWith("""[ { "key": "a", "type": "integer", "label": "A" }, { "key": "b", "type": "text", "label": "B", "visibleIf": "(a = 5) > 1" } ]"""))
            .Single().Code.ShouldBe("rule-assignment");

    [Fact]
    public void Row_outside_a_repeating_group_is_an_error() =>
        Problems(TestSupport.FormWith("""[ { "key": "a", "type": "text", "label": "A", "visibleIf": "rowIndex > 0" } ]""")).Single().Code.ShouldBe("rule-row");

    [Fact]
    public void A_missing_block_names_the_file_that_was_looked_for()
    {
        var problem = Problems(TestSupport.FormWith("""[ { "key": "p", "type": "group", "block": "gibtsnicht@1.0.0" } ]""")).Single();
        problem.Code.ShouldBe("block-not-found");
        problem.Message.ShouldContain(Path.Combine("blocks", "gibtsnicht", "1.0.0.json"));
    }

    [Fact]
    public void A_missing_code_list_names_the_file_that_was_looked_for()
    {
        var problem = Problems(TestSupport.FormWith("""[ { "key": "c", "type": "choice", "label": "C", "codeList": "fehlt@1.0.0" } ]""")).Single();
        problem.Code.ShouldBe("code-list-not-found");
        problem.Message.ShouldContain(Path.Combine("codelists", "fehlt", "1.0.0.json"));
    }

    [Fact]
    public void A_key_that_shadows_a_rule_helper_is_rejected() =>
        Problems(TestSupport.FormWith("""[ { "key": "sum", "type": "integer", "label": "Summe" } ]""")).Single().Code.ShouldBe("reserved-key");

    [Fact]
    public void Inverted_ranges_and_wrong_bounds_are_rejected()
    {
        var problems = Problems(TestSupport.FormWith("""
            [ { "key": "a", "type": "integer", "label": "A", "min": 10, "max": 1 },
              { "key": "b", "type": "date", "label": "B", "min": "gestern" },
              { "key": "c", "type": "integer", "label": "C", "min": "today" },
              { "key": "g", "type": "group", "title": "G", "repeat": { "min": 5, "max": 2 }, "items": [] } ]
            """));
        problems.Select(p => p.Code).ShouldBe(["value-range", "date-bound", "number-bound", "repeat-range"], ignoreOrder: true);
    }

    [Fact]
    public void A_default_that_does_not_fit_the_field_type_is_rejected() =>
        Problems(TestSupport.FormWith("""[ { "key": "a", "type": "date", "label": "A", "default": "morgen" } ]""")).Single().Code.ShouldBe("default-invalid");

    [Fact]
    public void Ten_thousand_levels_of_nesting_are_rejected_without_crashing()
    {
        var deep = new string('[', 10_000) + new string(']', 10_000);
        Problems(deep).Single().Code.ShouldBe("json");
    }

    [Fact]
    public void A_missing_translation_is_a_warning_not_an_error()
    {
        var result = TestSupport.LoadJson(TestSupport.FormWith("""[ { "key": "a", "type": "text", "label": { "de": "Nur Deutsch" } } ]"""));
        result.Success.ShouldBeTrue();
        result.Warnings.ShouldContain(w => w.Code == "translation-missing" && w.Message.Contains("'en'"));
    }

    [Fact]
    public void A_missing_definition_file_is_reported_not_thrown()
    {
        var result = FormEngine.Load("/nowhere/form.json");
        result.Errors.Single().Code.ShouldBe("file");
    }
}
