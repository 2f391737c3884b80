using Sozialplattform.Fim.Definitions;
using Sozialplattform.Fim.Diagnostics;
using Sozialplattform.Fim.Model;

namespace Sozialplattform.Fim.Mapping;

/// <summary>Options from FIM values (inline <c>werte</c> or genericode rows): empty and repeated codes are dropped with a warning.</summary>
public static class OptionsBuilder
{
    public static List<OptionDocument> Build(IEnumerable<FimValue> values, FimIdentity field, int line, DiagnosticBag diagnostics)
    {
        var options = new List<OptionDocument>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var value in values)
        {
            var code = value.Code.Trim();
            if (code.Length == 0)
            {
                diagnostics.Warning(DiagnosticCodes.OptionCodeEmpty, field, line, ("name", value.Name));
                continue;
            }

            if (!seen.Add(code))
            {
                diagnostics.Warning(DiagnosticCodes.OptionCodeDuplicate, field, line, ("code", code));
                continue;
            }

            options.Add(new OptionDocument(code, LocalizedText.De(value.Name) ?? LocalizedText.De(code)!, LocalizedText.De(value.Help)));
        }

        return options;
    }
}
