namespace Sozialplattform.Engine.Rules;

/// <summary>
/// The sandbox limits: per rule (time, memory, statements, recursion, and the largest string or array one built-in
/// call may make), per request over all its rules (<see cref="RequestBudget"/>) and per host (how many requests
/// evaluate rules at once, and how long a request waits for its turn).
/// </summary>
public sealed record RuleLimits(TimeSpan Timeout, long MemoryBytes, int MaxStatements, int MaxRecursion)
{
    public static readonly RuleLimits Default = new(TimeSpan.FromMilliseconds(50), 8 * 1024 * 1024, 100_000, 100);

    /// <summary>The longest string (in UTF-16 characters) a built-in such as <c>repeat</c>, <c>padEnd</c> or <c>join</c> may return.</summary>
    public int MaxStringLength { get; init; } = 1_000_000;

    /// <summary>The longest array a rule may make (<c>Array(n)</c>, <c>split</c>, <c>Array.from</c>, …).</summary>
    public uint MaxArraySize { get; init; } = 100_000;

    /// <summary>The time all rules of one evaluation or validation may take together; then the rest are not run.</summary>
    public TimeSpan RequestBudget { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>How many evaluations may run rules at the same time in this process.</summary>
    public int MaxConcurrentEvaluations { get; init; } = Math.Max(2, Environment.ProcessorCount);

    /// <summary>How long an evaluation waits for one of those slots before it is refused as overloaded.</summary>
    public TimeSpan SlotWait { get; init; } = TimeSpan.FromSeconds(2);
}

/// <summary>
/// Why a rule could not be evaluated: <c>ruleError</c> (it threw), <c>ruleLimit</c> (time, memory, statements,
/// recursion, size), or a refusal of the whole request (<see cref="RuleRefusals"/>).
/// </summary>
public sealed record RuleFailure(string Code, string Message);

/// <summary>The failure codes that refuse a whole request rather than one rule; each is also the error code of the verdict.</summary>
public static class RuleRefusals
{
    /// <summary>The request's rules together ran longer than <see cref="RuleLimits.RequestBudget"/>.</summary>
    public const string BudgetExceeded = "ruleBudgetExceeded";

    /// <summary>No slot among <see cref="RuleLimits.MaxConcurrentEvaluations"/> became free within <see cref="RuleLimits.SlotWait"/>.</summary>
    public const string Overloaded = "rulesOverloaded";

    public static bool IsRefusal(string code) => code is BudgetExceeded or Overloaded;
}
