using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using Jint;
using Jint.Native;
using Jint.Runtime;

namespace Sozialplattform.Engine.Rules;

/// <summary>
/// The only code that touches Jint. Runs compiled rules in a sandbox: no .NET access, no string compilation,
/// limits on time, memory, statements and recursion, built-ins frozen (<see cref="SandboxIsolation"/>). Thread-safe: each caller rents a pooled Jint engine.
/// </summary>
public sealed class RuleEngine
{
    private readonly RuleLimits _limits;
    private readonly Lazy<Prepared<Acornima.Ast.Script>> _runtime;
    private readonly ConcurrentBag<Sandbox> _pool = [];
    private readonly string[] _helperNames;
    private readonly Lazy<Prepared<Acornima.Ast.Script>> _guards;
    private readonly RuleAdmission _admission;

    public RuleEngine(RuleFunctionRegistry functions, RuleLimits limits)
    {
        _limits = limits;
        RuntimeScript = functions.RuntimeScript();
        _helperNames = functions.All.Select(f => f.Name).ToArray();
        // Prepared when the first sandbox needs them: loading and checking a definition (sozial validate, export-fim,
        // a publish) runs no rule, and Jint's first use costs a process about half a second (docs/BENCHMARKS.md, "CLI").
        _runtime = new(() => Jint.Engine.PrepareScript(RuntimeScript, "rule-helpers.js", strict: true));
        _guards = new(() => Jint.Engine.PrepareScript(BuiltInGuards.Script(limits.MaxStringLength), "built-in-guards.js", strict: true));
        _admission = new RuleAdmission(limits);
    }

    /// <summary>The helper functions as one script — the browser loads the very same text.</summary>
    public string RuntimeScript { get; }

    /// <summary>Whether <paramref name="name"/> is a rule helper of this engine's runtime.</summary>
    internal bool IsHelper(string name) => Array.IndexOf(_helperNames, name) >= 0;

    public RuleProgram Compile(string name, IReadOnlyList<string> functionSources) => new(name, functionSources);

    /// <summary>Rents a sandbox for evaluating rules of <paramref name="program"/> on <paramref name="today"/>; dispose to return it.</summary>
    public RuleSession Open(RuleProgram program, DateOnly today)
    {
        // A form without rules (most FIM imports: their rules arrive as notes) needs no sandbox, so checking its answers
        // never starts Jint, whose first engine costs a process about half a second (docs/BENCHMARKS.md, "CLI").
        if (program.FunctionSources.Count == 0) return new RuleSession(this, null, []);
        if (!_pool.TryTake(out var sandbox))
        {
            sandbox = new Sandbox(this);
            Interlocked.Increment(ref _sandboxesCreated);
        }

        return new RuleSession(this, sandbox, sandbox.Bind(program, today));
    }

    private int _sandboxesCreated;

    /// <summary>How many Jint sandboxes this engine has made (for tests: a form without rules makes none).</summary>
    internal int SandboxesCreated => Volatile.Read(ref _sandboxesCreated);

    /// <summary>Whether the helper runtime was prepared (Jint touched) — not by loading a definition, only by running rules.</summary>
    internal bool RuntimePrepared => _runtime.IsValueCreated;

    internal RuleOperation NewOperation() => new(_admission, _limits);

    internal void Return(Sandbox sandbox) => _pool.Add(sandbox);

    internal sealed class Sandbox
    {
        private readonly ConditionalWeakTable<RuleProgram, JsValue[]> _programs = new();
        private JsValue _today = JsValue.Undefined;

        public Sandbox(RuleEngine owner)
        {
            var limits = owner._limits;
            Engine = new Jint.Engine(options =>
            {
                options
                    .Strict()
                    .DisableStringCompilation()
                    .TimeoutInterval(limits.Timeout)
                    .LimitMemory(limits.MemoryBytes)
                    .MaxStatements(limits.MaxStatements)
                    .LimitRecursion(limits.MaxRecursion)
                    .RegexTimeoutInterval(limits.Timeout);
                options.Constraints.MaxArraySize = limits.MaxArraySize;
            });
            Unhurried(() => Engine.Execute(owner._guards.Value), attempts: 10);
            Engine.Execute(owner._runtime.Value);
            SandboxIsolation.Seal(Engine, () => _today);
            WarmUp(owner);
        }

        /// <summary>
        /// Setting up runs under the sandbox's time limit, which a process's first sandboxes (or any, on a starved
        /// machine) can overrun while .NET compiles Jint's code paths. The guards must be in place, so they are tried
        /// again (a second run only checks each bound twice); a warm-up is worth one more try, no more.
        /// </summary>
        private static void Unhurried(Action run, int attempts)
        {
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    run();
                    return;
                }
                catch (TimeoutException) when (attempt < attempts)
                {
                }
            }
        }

        private static void BestEffort(Action run)
        {
            try
            {
                Unhurried(run, attempts: 2);
            }
            catch (TimeoutException)
            {
                // Only compilation was at stake.
            }
        }

        /// <summary>
        /// Calls every helper once with typical arguments before the sandbox serves requests, so that the first real
        /// rule is not charged for just-in-time compilation against its time limit.
        /// </summary>
        private void WarmUp(RuleEngine owner)
        {
            foreach (var name in owner._helperNames)
            {
                try
                {
                    Engine.Evaluate($"[{name}('2024-01-31', 2), {name}([{{a: 1.5}}, {{a: 2}}], 'a'), {name}([1, 2], x => x > 1), {name}('x')]");
                }
                catch (Exception)
                {
                    // Helpers may reject these arguments; only the compilation matters here.
                }
            }

            BestEffort(() => Engine.Evaluate(BuiltInGuards.WarmUp));
            BestEffort(() => Engine.Evaluate("(function (a, b) { return [a, b].filter(x => x !== null).map(x => x).length > 0 && a?.b === undefined; })({}, [])"));
        }

        public Jint.Engine Engine { get; }

        public JsValue[] Bind(RuleProgram program, DateOnly today)
        {
            var iso = today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            if (_today.ToString() != iso) _today = new JsString(iso);

            if (_programs.TryGetValue(program, out var functions)) return functions;
            var array = (JsArray)Engine.Evaluate(program.Prepared);
            functions = new JsValue[array.Length];
            for (uint i = 0; i < functions.Length; i++) functions[i] = array.Get(i);
            _programs.AddOrUpdate(program, functions);
            return functions;
        }
    }
}

/// <summary>One caller's use of a sandbox: invoke rules by index. Not thread-safe; dispose when done.</summary>
public sealed class RuleSession : IDisposable
{
    private readonly RuleEngine _owner;
    private readonly RuleEngine.Sandbox? _sandbox;
    private readonly JsValue[] _functions;
    private JsValue[] _arguments = [];
    private readonly RuleOperation _operation;
    private bool _disposed;

    internal RuleSession(RuleEngine owner, RuleEngine.Sandbox? sandbox, JsValue[] functions)
    {
        _owner = owner;
        _sandbox = sandbox;
        _functions = functions;
        _operation = owner.NewOperation();
    }

    /// <summary>
    /// Starts one request's evaluation: takes a slot of the host (or is refused as overloaded) and arms the time budget
    /// over all rules until disposed. Without it, rules run with their per-rule limits only.
    /// </summary>
    public RuleOperation Begin() => _operation.Begin();

    /// <summary>Why this request's remaining rules are not run (overloaded, budget spent), if so.</summary>
    public RuleFailure? Refusal => _operation.IsActive ? _operation.Refusal : null;

    /// <summary>Evaluates rule <paramref name="index"/> as a condition (JavaScript truthiness).</summary>
    public bool Test(int index, IReadOnlyList<JsonNode?> arguments, out RuleFailure? failure) =>
        Run(index, arguments, out failure) is { } result && TypeConverter.ToBoolean(result);

    /// <summary>Evaluates rule <paramref name="index"/> and returns its value as JSON (null for undefined, NaN, functions).</summary>
    public JsonNode? Compute(int index, IReadOnlyList<JsonNode?> arguments, out RuleFailure? failure) =>
        Run(index, arguments, out failure) is { } result ? JsonJsConverter.ToJson(result) : null;

    private JsValue? Run(int index, IReadOnlyList<JsonNode?> arguments, out RuleFailure? failure)
    {
        failure = null;
        if (_operation.IsActive && _operation.CheckBudget() is { } refusal)
        {
            failure = refusal;
            return null;
        }

        var engine = (_sandbox ?? throw new InvalidOperationException("the program has no rules")).Engine;
        if (_arguments.Length != arguments.Count) _arguments = new JsValue[arguments.Count];
        for (var i = 0; i < arguments.Count; i++) _arguments[i] = JsonJsConverter.ToJs(engine, arguments[i]);
        try
        {
            return InvokeWithOneRetryOnTimeout(engine, index);
        }
        catch (JavaScriptException thrown)
        {
            failure = new RuleFailure(thrown.Message.StartsWith(BuiltInGuards.Prefix, StringComparison.Ordinal) ? "ruleLimit" : "ruleError", thrown.Message);
        }
        catch (TimeoutException)
        {
            failure = (_operation.IsActive ? _operation.CheckBudget() : null) ?? new RuleFailure("ruleLimit", "the rule took too long");
        }
        catch (StatementsCountOverflowException)
        {
            failure = new RuleFailure("ruleLimit", "the rule ran too many statements");
        }
        catch (MemoryLimitExceededException)
        {
            failure = new RuleFailure("ruleLimit", "the rule used too much memory");
        }
        catch (RecursionDepthOverflowException)
        {
            failure = new RuleFailure("ruleLimit", "the rule recursed too deeply");
        }
        catch (JintException other)
        {
            failure = new RuleFailure("ruleError", other.Message);
        }

        return null;
    }

    /// <summary>
    /// Runaway rules are stopped by the statement, memory and recursion limits long before the time limit; a single
    /// overrun of the time limit is more likely a garbage-collection pause, so it gets one more try.
    /// </summary>
    private JsValue InvokeWithOneRetryOnTimeout(Jint.Engine engine, int index)
    {
        try
        {
            return engine.Invoke(_functions[index], _arguments);
        }
        catch (TimeoutException)
        {
            return engine.Invoke(_functions[index], _arguments);
        }
    }

    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        if (_sandbox is not null) _owner.Return(_sandbox);
    }
}
