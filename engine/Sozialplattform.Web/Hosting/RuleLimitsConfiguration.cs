using Microsoft.Extensions.Configuration;
using Sozialplattform.Engine;
using Sozialplattform.Engine.Rules;

namespace Sozialplattform.Web.Hosting;

/// <summary>
/// The host's rule limits from the section <c>Sozialplattform:Rules</c>: <c>RequestBudget</c> (all rules of one
/// request, e.g. "00:00:01"), <c>MaxConcurrentEvaluations</c> (requests running rules at once) and <c>SlotWait</c>
/// (how long a request waits for its turn before "zurzeit überlastet") and <c>MaxStatements</c> (per rule).
/// Without the section: the engine's defaults.
/// </summary>
public static class RuleLimitsConfiguration
{
    public const string Section = "Sozialplattform:Rules";

    public static FormEngineOptions Read(IConfiguration configuration)
    {
        var section = configuration.GetSection(Section);
        if (!section.Exists()) return FormEngineOptions.Default;
        var defaults = RuleLimits.Default;
        var limits = defaults with
        {
            RequestBudget = section.GetValue(nameof(RuleLimits.RequestBudget), defaults.RequestBudget),
            MaxConcurrentEvaluations = section.GetValue(nameof(RuleLimits.MaxConcurrentEvaluations), defaults.MaxConcurrentEvaluations),
            SlotWait = section.GetValue(nameof(RuleLimits.SlotWait), defaults.SlotWait),
            MaxStatements = section.GetValue(nameof(RuleLimits.MaxStatements), defaults.MaxStatements),
        };
        if (limits.RequestBudget <= TimeSpan.Zero || limits.MaxConcurrentEvaluations < 1 || limits.SlotWait < TimeSpan.Zero || limits.MaxStatements < 1)
            throw new InvalidOperationException($"{Section}: RequestBudget must be positive, MaxConcurrentEvaluations and MaxStatements at least 1 and SlotWait not negative.");
        return new FormEngineOptions { RuleLimits = limits };
    }
}
