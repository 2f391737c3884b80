using System.Text;

namespace Sozialplattform.Engine.Rules;

/// <summary>
/// A helper that rules may call, e.g. <c>age(geburtsdatum)</c>. Helpers are written in JavaScript so that the
/// server (Jint) and the browser run the very same code and reach the same verdict.
/// </summary>
public sealed record RuleFunction(string Family, string Name, string Signature, string Description, string Example, string Source);

/// <summary>The helpers available to rules, added in families (<c>WithDateFunctions()</c>, …).</summary>
public sealed class RuleFunctionRegistry
{
    private readonly List<RuleFunction> _functions = [];
    private readonly List<string> _support = [];

    public IReadOnlyList<RuleFunction> All => _functions;

    public bool Contains(string name) => _functions.Exists(f => f.Name == name);

    public RuleFunctionRegistry Add(RuleFunction function)
    {
        if (Contains(function.Name)) throw new InvalidOperationException($"rule function '{function.Name}' is registered twice");
        _functions.Add(function);
        return this;
    }

    /// <summary>Internal JavaScript shared by several helpers (names start with <c>__</c>, never callable from rules).</summary>
    public RuleFunctionRegistry AddSupport(string source)
    {
        if (!_support.Contains(source)) _support.Add(source);
        return this;
    }

    public RuleFunctionRegistry WithBuiltInFunctions() => this
        .WithDateFunctions()
        .WithNumberFunctions()
        .WithCheckFunctions()
        .WithTextFunctions();

    /// <summary>The runtime script: every helper as a global function. Runs once per Jint engine and in the browser.</summary>
    public string RuntimeScript()
    {
        var script = new StringBuilder("'use strict';\n");
        foreach (var support in _support) script.AppendLine(support.Trim());
        foreach (var function in _functions) script.AppendLine(function.Source.Trim());
        return script.ToString();
    }
}
