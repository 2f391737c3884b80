using System.Diagnostics;
using Jint.Constraints;

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
public sealed class RuleOperation : IDisposable
{
    private readonly RuleAdmission _admission;
    private readonly OperationDeadlineConstraint _deadline;
    private readonly long _ends;
    private readonly bool _hasSlot;
    private bool _disposed;

    internal RuleOperation(RuleAdmission admission, OperationDeadlineConstraint deadline, RuleLimits limits)
    {
        _admission = admission;
        _deadline = deadline;
        _hasSlot = admission.TryEnter();
        if (!_hasSlot)
        {
            Refusal = new RuleFailure(RuleRefusals.Overloaded, "no free slot for rule evaluation");
            return;
        }

        _ends = Stopwatch.GetTimestamp() + (long)(limits.RequestBudget.TotalSeconds * Stopwatch.Frequency);
        deadline.Begin(limits.RequestBudget);
    }

    /// <summary>Set once the request is refused; then it is the failure of every rule that did not run.</summary>
    public RuleFailure? Refusal { get; private set; }

    internal bool IsActive => !_disposed;

    /// <summary>The refusal, once there is one: no slot, or the budget spent by now (also tells a budget timeout from a rule's own).</summary>
    internal RuleFailure? CheckBudget()
    {
        if (Refusal is null && Stopwatch.GetTimestamp() >= _ends)
            Refusal = new RuleFailure(RuleRefusals.BudgetExceeded, "the rules of this request together took too long");
        return Refusal;
    }

    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        _deadline.End();
        if (_hasSlot) _admission.Exit();
    }
}
