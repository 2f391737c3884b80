using Sozialplattform.Engine;
using Sozialplattform.Engine.Rules;

namespace Sozialplattform.Designer.Rules;

/// <summary>The helper functions rules may call, as the rule editor lists them: signature, description, example.</summary>
public static class RuleHelp
{
    public static IReadOnlyList<RuleFunction> Helpers(FormEngineOptions? options = null) =>
        (options ?? FormEngineOptions.Default).RuleFunctions.All.OrderBy(f => f.Family, StringComparer.Ordinal).ThenBy(f => f.Name, StringComparer.Ordinal).ToList();
}
