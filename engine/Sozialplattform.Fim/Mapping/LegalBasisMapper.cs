using Sozialplattform.Fim.Definitions;
using Sozialplattform.Fim.Diagnostics;
using Sozialplattform.Fim.Model;

namespace Sozialplattform.Fim.Mapping;

/// <summary><c>bezug</c> → <c>legalBasis</c>, without repeats; a link that is no absolute URI is dropped.</summary>
public static class LegalBasisMapper
{
    public static List<LegalReferenceDocument>? Map(IEnumerable<FimLegalReference> references, FimIdentity? element, int line, DiagnosticBag diagnostics)
    {
        var result = new List<LegalReferenceDocument>();
        foreach (var reference in references.DistinctBy(r => (r.Text, r.Link)))
        {
            var link = reference.Link;
            if (link is not null && !Uri.TryCreate(link, UriKind.Absolute, out _))
            {
                diagnostics.Info(DiagnosticCodes.LegalLinkInvalid, element, line, ("link", link));
                link = null;
            }

            result.Add(new LegalReferenceDocument(LocalizedText.De(reference.Text)!, link));
        }

        return result.Count == 0 ? null : result;
    }
}
