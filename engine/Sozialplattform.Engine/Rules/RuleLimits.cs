namespace Sozialplattform.Engine.Rules;

/// <summary>The sandbox limits of one rule evaluation.</summary>
public sealed record RuleLimits(TimeSpan Timeout, long MemoryBytes, int MaxStatements, int MaxRecursion)
{
    public static readonly RuleLimits Default = new(TimeSpan.FromMilliseconds(50), 8 * 1024 * 1024, 100_000, 100);
}

/// <summary>Why a rule could not be evaluated: <c>ruleError</c> (it threw) or <c>ruleLimit</c> (time, memory, statements, recursion).</summary>
public sealed record RuleFailure(string Code, string Message);
