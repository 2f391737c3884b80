using System.Reflection;
using Sozialplattform.Engine.Definitions;

namespace Sozialplattform.Engine.Tests.Reading;

/// <summary>Definition problems carry their arguments as data, in the order <see cref="DefinitionProblemCodes"/> documents.</summary>
public class DefinitionProblemCodesTests
{
    [Fact]
    public void Every_problem_key_documents_its_arguments_and_is_used_once()
    {
        var fields = typeof(DefinitionProblemCodes).GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.IsLiteral).ToList();

        fields.Count.ShouldBeGreaterThan(60);
        fields.Where(f => f.GetCustomAttribute<ProblemArgumentsAttribute>() is null).Select(f => f.Name).ShouldBeEmpty();
        fields.Select(f => (string)f.GetRawConstantValue()!).ShouldBeUnique();
        DefinitionProblemCodes.Arguments.Count.ShouldBe(fields.Count);
    }

    [Fact]
    public void A_problem_has_its_code_its_arguments_and_the_unchanged_English_message()
    {
        var problem = TestSupport.LoadJson(TestSupport.FormWith("""[{ "key": "name", "type": "text", "label": "Name", "minLength": 5, "maxLength": 2 }]""")).Errors.Single();

        problem.Code.ShouldBe("length-range");
        problem.Key.ShouldBe(DefinitionProblemCodes.LengthRange);
        problem.Arguments.ShouldBe(["name", "5", "2"]);
        problem.Message.ShouldBe("field 'name': minLength (5) is greater than maxLength (2)");
    }

    [Fact]
    public void A_code_with_several_findings_keeps_its_code_and_names_the_finding_in_its_key()
    {
        var problems = TestSupport.LoadJson(TestSupport.FormWith("""[{ "key": "name", "type": "text", "label": "Name", "colour": "red" }]""")).Errors.ToList();

        var problem = problems.ShouldHaveSingleItem();
        problem.Code.ShouldBe("schema");
        problem.Key.ShouldBe(DefinitionProblemCodes.SchemaNotAllowed);
        problem.Arguments.ShouldBe(["colour"]);
    }

    [Fact]
    public void A_rule_problem_names_the_rules_kind_and_expression_first()
    {
        var problem = TestSupport.LoadJson(TestSupport.FormWith("""[{ "key": "name", "type": "text", "label": "Name", "visibleIf": "gibtEsNicht === 1" }]""")).Errors.Single();

        problem.Key.ShouldBe(DefinitionProblemCodes.RuleUnknownName);
        problem.Arguments.ShouldBe(["visible", "gibtEsNicht === 1", "gibtEsNicht"]);
    }

    [Fact]
    public void A_problem_whose_arguments_do_not_match_the_registry_fails_in_debug_builds()
    {
        var problems = new ProblemList();

        Should.Throw<InvalidOperationException>(() => problems.Error(DefinitionProblemCodes.LengthRange, "x", new SourceLocation("f", "", 0, 0), "only one"));
        Should.Throw<InvalidOperationException>(() => problems.Error("no-such-code", "x", new SourceLocation("f", "", 0, 0)));
    }
}
