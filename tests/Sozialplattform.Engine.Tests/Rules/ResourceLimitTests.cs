using System.Text.Json;
using Sozialplattform.Engine.Rules;

namespace Sozialplattform.Engine.Tests.RuleCases;

/// <summary>
/// The limits hold inside single built-in calls (refused before the allocation), over all rules of one request (the
/// budget) and over the host (a bounded number of evaluations at once) — and the next request is served normally.
/// </summary>
public class ResourceLimitTests
{
    private const long Generous = 256L * 1024 * 1024;

    private static FormEngine SlowForm(FormEngineOptions options, int loops = 30)
    {
        var json = TestSupport.FormWith("""[ { "key": "a", "type": "text", "label": "A" } ]""",
            ", \"validations\": [" + string.Join(", ", Enumerable.Range(1, loops).Select(i =>
                $$"""{ "when": "(() => { let i = 0; while (true) i++; })()", "message": { "de": "Schleife {{i}}" }, "code": "loop{{i}}" }""")) + "]");
        return TestSupport.LoadJson(json, options).EngineOrThrow();
    }

    private static FormEngine FastForm(FormEngineOptions? options = null) => TestSupport.LoadJson(TestSupport.FormWith("""
        [ { "key": "a", "type": "integer", "label": "A" },
          { "key": "b", "type": "integer", "label": "B", "value": "a * 2" },
          { "key": "c", "type": "text", "label": "C", "visibleIf": "a > 1", "required": true } ]
        """), options).EngineOrThrow();

    /// <summary>
    /// Options with the given limits, where a looping rule always runs into its time limit (50 ms, one retry) rather
    /// than the statement limit, which a fast machine reaches sooner: the budget tests then hold on any machine.
    /// </summary>
    private static FormEngineOptions With(RuleLimits limits) =>
        new() { Clock = TestSupport.Options.Clock, RuleLimits = limits with { MaxStatements = int.MaxValue } };

    private static void AssertServedNormally(FormEngine fast)
    {
        var result = fast.Validate(TestSupport.Answers("""{ "a": 21 }"""));
        result.State["b"]!.Value!.ToJsonString().ShouldBe("42");
        result.Errors.Select(e => (e.Path, e.Code)).ShouldBe([("c", "required")]);
    }

    [Theory]
    [InlineData("'x'.repeat(5e8).length")]
    [InlineData("'x'.padEnd(1e9).length")]
    [InlineData("'x'.padStart(5e8, 'ab').length")]
    [InlineData("Array(1e9).fill(0).length")]
    [InlineData("new Array(1e8).join('x').length")]
    [InlineData("(() => { let s = 'x'; for (let i = 0; i < 40; i++) s = s + s; return s.length; })()")]
    [InlineData("'ab'.replaceAll('', 'x'.repeat(999999)).length")]
    [InlineData("'x'.repeat(999999).replace(/x/g, '$&$&$&').length")]
    [InlineData("''.concat(...Array(50000).fill('x'.repeat(1000))).length")]
    [InlineData("JSON.stringify(Array(50000).fill('x'.repeat(1000))).length")]
    [InlineData("Array(90000).fill('x'.repeat(100)).toLocaleString().length")]
    [InlineData("'x'.repeat(1e6).split('').length")]
    public void A_built_in_asked_for_a_huge_result_is_refused_before_it_allocates_and_the_next_evaluation_works(string expression)
    {
        var engine = TestSupport.Form(TestSupport.FormWith($$"""[ { "key": "a", "type": "integer", "label": "A", "value": {{JsonSerializer.Serialize(expression)}} } ]"""));
        var before = GC.GetTotalAllocatedBytes(precise: true);

        var error = engine.Validate(TestSupport.Answers("{}")).Errors.Single();

        (GC.GetTotalAllocatedBytes(precise: true) - before).ShouldBeLessThan(Generous);
        error.Code.ShouldBe("ruleFailed");
        error.Args["failure"].ShouldBe("ruleLimit");
        AssertServedNormally(FastForm());
    }

    [Fact]
    public void Four_huge_repeats_at_once_are_all_refused_without_the_gigabytes()
    {
        var engine = TestSupport.Form(TestSupport.FormWith("""[ { "key": "a", "type": "integer", "label": "A", "value": "'x'.repeat(5e8).length" } ]"""));
        var before = GC.GetTotalAllocatedBytes(precise: true);

        var failures = new string?[4];
        Parallel.For(0, 4, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i =>
            failures[i] = engine.Validate(TestSupport.Answers("{}")).Errors.Single().Args["failure"] as string);

        (GC.GetTotalAllocatedBytes(precise: true) - before).ShouldBeLessThan(Generous);
        failures.ShouldAllBe(f => f == "ruleLimit");
    }

    [Fact]
    public void Guarded_built_ins_still_give_their_ordinary_results()
    {
        var result = TestSupport.Options.RuleEngine.Evaluate("""
            [[1, [2, 3]].toString(), `${[4, null, 5]}`, 'abc'.replace('b', '$&$&'), 'aXbX'.replaceAll('X', '-'), 'a1b2'.replace(/\d/g, d => d * 2),
             '7'.padStart(3, '0'), 'x'.padEnd(3, '.'), 'ab'.repeat(2), 'ab'.concat('c', 1), [1, 2].join(), [1, 2].join(' + '),
             JSON.stringify({ a: [1, 'b', { c: null }] }, null, 2), JSON.stringify({ a: 1, b: 2 }, ['a']), JSON.stringify({ d: 1 }, (k, v) => k === 'd' ? v + 1 : v)]
            """, new System.Text.Json.Nodes.JsonObject(), TestSupport.Today);

        result.Failure.ShouldBeNull();
        result.Value!.AsArray().Select(v => v!.GetValue<string>()).ShouldBe(
            ["1,2,3", "4,,5", "abbc", "a-b-", "a2b4", "007", "x..", "abab", "abc1", "1,2", "1 + 2",
             "{\n  \"a\": [\n    1,\n    \"b\",\n    {\n      \"c\": null\n    }\n  ]\n}", "{\"a\":1}", "{\"d\":2}"]);
    }

    [Fact]
    public void Binary_data_types_do_not_exist_in_the_sandbox()
    {
        var checkedTrial = TestSupport.Options.RuleEngine.Evaluate("new Uint8Array(1e9).length", new System.Text.Json.Nodes.JsonObject(), TestSupport.Today);
        checkedTrial.Refusals.ShouldNotBeEmpty("the rule checks refuse the name before anything runs");

        var result = TestSupport.Options.RuleEngine.EvaluateUnchecked("new Uint8Array(1e9).length", new System.Text.Json.Nodes.JsonObject(), TestSupport.Today);
        result.Failure!.Code.ShouldBe("ruleError");
        result.Failure.Message.ShouldContain("Uint8Array is not defined");
    }

    [Fact]
    public void Thirty_looping_validations_are_stopped_by_the_request_budget_with_one_specific_error()
    {
        var options = With(RuleLimits.Default with { RequestBudget = TimeSpan.FromMilliseconds(300) });
        var result = SlowForm(options).Validate(TestSupport.Answers("{}"));

        var error = result.Errors.Single();
        error.Code.ShouldBe(RuleRefusals.BudgetExceeded);
        error.Path.ShouldBe("");
        error.Text("de").ShouldContain("zu lange gedauert");
        AssertServedNormally(FastForm(options));
    }

    [Fact]
    public async Task Slow_forms_in_parallel_stop_with_the_budget_error_while_a_fast_form_is_still_served()
    {
        var options = With(RuleLimits.Default with { RequestBudget = TimeSpan.FromMilliseconds(200), MaxConcurrentEvaluations = 2, SlotWait = TimeSpan.FromMinutes(1) });
        var slow = SlowForm(options);
        var fast = FastForm(options);

        var slowRuns = Enumerable.Range(0, 8).Select(_ => Task.Run(() => slow.Validate(TestSupport.Answers("{}")))).ToArray();
        var fastResult = await Task.Run(() => fast.Validate(TestSupport.Answers("""{ "a": 21 }""")));
        var slowResults = await Task.WhenAll(slowRuns);

        slowResults.ShouldAllBe(result => result.Errors.Single().Code == RuleRefusals.BudgetExceeded);
        fastResult.Errors.Select(e => e.Code).ShouldBe(["required"]);
        fastResult.State["b"]!.Value!.ToJsonString().ShouldBe("42");
    }

    [Fact]
    public void When_every_slot_is_taken_a_request_is_refused_as_overloaded_and_served_once_one_is_free()
    {
        var options = With(RuleLimits.Default with { MaxConcurrentEvaluations = 1, SlotWait = TimeSpan.Zero });
        var fast = FastForm(options);
        var program = options.RuleEngine.Compile("holder", ["function () { return true; }"]);

        using (var holder = options.RuleEngine.Open(program, TestSupport.Today))
        using (holder.Begin())
        {
            var refused = fast.Validate(TestSupport.Answers("""{ "a": 21 }"""));
            refused.Errors.Select(e => e.Code).ShouldBe([RuleRefusals.Overloaded]);
            refused.Errors[0].Text("de").ShouldContain("zurzeit überlastet");
        }

        AssertServedNormally(fast);
    }

    [Fact]
    public void Routing_on_an_overloaded_host_refuses_rather_than_falling_back_to_the_default_route()
    {
        var options = With(RuleLimits.Default with { MaxConcurrentEvaluations = 1, SlotWait = TimeSpan.Zero });
        var engine = TestSupport.LoadJson(TestSupport.FormWith("""[ { "key": "a", "type": "integer", "label": "A" } ]""",
            """, "routing": [ { "when": "a > 1", "destination": "jobcenter" } ]"""), options).EngineOrThrow();
        var program = options.RuleEngine.Compile("holder", ["function () { return true; }"]);

        using (var holder = options.RuleEngine.Open(program, TestSupport.Today))
        using (holder.Begin())
            Should.Throw<InvalidOperationException>(() => engine.RoutingDestinations(TestSupport.Answers("""{ "a": 2 }"""))).Message.ShouldContain(RuleRefusals.Overloaded);

        engine.RoutingDestinations(TestSupport.Answers("""{ "a": 2 }""")).ShouldBe([("jobcenter", false)]);
    }
}
