using Sozialplattform.Fim.CodeLists;
using Sozialplattform.Fim.Diagnostics;

namespace Sozialplattform.Fim.Mapping;

/// <summary>What the mappers of one import share: diagnostics, code lists, rules and the blocks built so far.</summary>
public sealed class MappingContext(DiagnosticBag diagnostics, CodeListResolver codeLists)
{
    public DiagnosticBag Diagnostics { get; } = diagnostics;
    public CodeListResolver CodeLists { get; } = codeLists;
    public RuleMapper Rules { get; } = new(diagnostics);
}
