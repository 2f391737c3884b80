namespace Sozialplattform.Engine.Rules;

/// <summary>The host's bound on evaluations that run rules at the same time, so that slow forms cannot take every thread.</summary>
internal sealed class RuleAdmission(RuleLimits limits)
{
    private readonly SemaphoreSlim _slots = new(limits.MaxConcurrentEvaluations, limits.MaxConcurrentEvaluations);

    public bool TryEnter() => _slots.Wait(limits.SlotWait);

    public void Exit() => _slots.Release();
}

/// <summary>
/// One request's use of the rules (one Evaluate or Validate): holds a slot of the host and a time budget over all its
/// rules. Once refused — no slot in time, or the budget spent — no further rule runs and every one answers with the
/// refusal. Dispose to free the slot.
/// </summary>
/// <remarks>
/// The budget is checked before each rule, not inside it: a rule already has its own time limit
/// (<see cref="RuleLimits.Timeout"/>), so a request overruns its budget by at most one rule's limit, and the per-statement
/// check a deadline inside Jint would cost is saved on every rule (see docs/BENCHMARKS.md). Each
/// <see cref="RuleSession"/> re-arms its one operation, so beginning a request allocates nothing; the clock is the coarse
/// millisecond tick count (a few nanoseconds a reading), ample for a budget of a second.
/// </remarks>
public sealed class RuleOperation : IDisposable
{
    private readonly RuleAdmission _admission;
    private readonly long _budgetMilliseconds;
    private long _ends;
    private bool _hasSlot;

    internal RuleOperation(RuleAdmission admission, RuleLimits limits)
    {
        _admission = admission;
        _budgetMilliseconds = (long)limits.RequestBudget.TotalMilliseconds;
    }

    /// <summary>Set once the request is refused; then it is the failure of every rule that did not run.</summary>
    public RuleFailure? Refusal { get; private set; }

    internal bool IsActive { get; private set; }

    internal RuleOperation Begin()
    {
        if (IsActive) throw new InvalidOperationException("A rule session runs one request at a time.");
        IsActive = true;
        _hasSlot = _admission.TryEnter();
        Refusal = _hasSlot ? null : new RuleFailure(RuleRefusals.Overloaded, "no free slot for rule evaluation");
        _ends = Environment.TickCount64 + _budgetMilliseconds;
        return this;
    }

    /// <summary>The refusal, once there is one: no slot, or the budget spent by now (also tells a budget timeout from a rule's own).</summary>
    internal RuleFailure? CheckBudget()
    {
        if (Refusal is null && Environment.TickCount64 >= _ends)
            Refusal = new RuleFailure(RuleRefusals.BudgetExceeded, "the rules of this request together took too long");
        return Refusal;
    }

    public void Dispose()
    {
        if (!IsActive) return;
        IsActive = false;
        if (_hasSlot) _admission.Exit();
        _hasSlot = false;
    }
}
