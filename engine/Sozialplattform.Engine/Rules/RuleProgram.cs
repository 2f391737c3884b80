using Jint;

namespace Sozialplattform.Engine.Rules;

/// <summary>All rules of one form version as one prepared script (an array of functions), parsed once and shared by every engine.</summary>
public sealed class RuleProgram
{
    internal RuleProgram(string name, IReadOnlyList<string> functionSources)
    {
        Name = name;
        FunctionSources = functionSources;
        Script = "[\n" + string.Join(",\n", functionSources) + "\n]";
        _prepared = new(() => Jint.Engine.PrepareScript(Script, name, strict: true));
    }

    // Prepared on the first evaluation, not at load: a definition that is only checked never starts Jint.
    private readonly Lazy<Prepared<Acornima.Ast.Script>> _prepared;

    public string Name { get; }

    public IReadOnlyList<string> FunctionSources { get; }

    /// <summary>The JavaScript array literal of all rule functions — also what the browser runs.</summary>
    public string Script { get; }

    internal Prepared<Acornima.Ast.Script> Prepared => _prepared.Value;
}
