using Sozialplattform.Engine.Fields;
using Sozialplattform.Engine.Localization;
using Sozialplattform.Engine.Rules;

namespace Sozialplattform.Engine;

/// <summary>Limits for answers coming from outside.</summary>
public sealed record AnswerLimits(long MaxBytes, int MaxDepth, int MaxRowsPerGroup)
{
    public static readonly AnswerLimits Default = new(10 * 1024 * 1024, 64, 1000);
}

/// <summary>
/// Built once and shared by every form engine: the registries (field types, rule helpers), limits, clock and texts.
/// Register extensions before the first form is loaded; afterwards the options must not change.
/// </summary>
public sealed class FormEngineOptions
{
    private readonly Lazy<RuleEngine> _ruleEngine;

    public FormEngineOptions() => _ruleEngine = new Lazy<RuleEngine>(() => new RuleEngine(RuleFunctions, RuleLimits));

    /// <summary>Options with every built-in field type and rule helper.</summary>
    public static FormEngineOptions Default { get; } = new();

    public FieldTypeRegistry FieldTypes { get; } = new FieldTypeRegistry().WithBuiltInTypes();

    public RuleFunctionRegistry RuleFunctions { get; } = new RuleFunctionRegistry().WithBuiltInFunctions();

    public RuleLimits RuleLimits { get; init; } = RuleLimits.Default;

    public AnswerLimits AnswerLimits { get; init; } = AnswerLimits.Default;

    /// <summary>The clock behind <c>today()</c> and relative date bounds.</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    public TimeZoneInfo TimeZone { get; init; } = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    public Localizer Localizer { get; init; } = Localizer.Default;

    public RuleEngine RuleEngine => _ruleEngine.Value;

    public DateOnly Today() => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(Clock.GetUtcNow(), TimeZone).DateTime);
}
