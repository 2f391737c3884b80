using System.Xml.Linq;
using Sozialplattform.Fim.Model;
using Sozialplattform.Fim.Xml;

namespace Sozialplattform.Fim.Reading;

/// <summary>
/// Reads a field's code-list reference in its three shapes: XDatenfelder 2
/// <c>codelisteReferenz{identifikation, genericodeIdentification{…}}</c>, XDatenfelder 3
/// <c>codelisteReferenz{canonicalIdentification, version, canonicalVersionUri}</c> and XDatenfelder 1
/// <c>codeliste{id, kennung, version}</c>.
/// </summary>
public static class CodeListReferenceReader
{
    public static FimCodeListReference? Read(XElement field)
    {
        if (field.Child("codelisteReferenz") is { } reference)
        {
            var genericode = reference.Child("genericodeIdentification") ?? reference;
            var listId = reference.Child("identifikation")?.ChildText("id");
            return Create(listId, genericode.ChildText("canonicalIdentification"), genericode.ChildText("version"), genericode.ChildText("canonicalVersionUri"));
        }

        if (field.Child("codeliste") is { } legacy)
            return Create(legacy.ChildText("id"), legacy.ChildText("kennung"), legacy.ChildText("version"), null);
        return null;
    }

    private static FimCodeListReference? Create(string? listId, string uri, string version, string? versionUri)
    {
        var reference = new FimCodeListReference(Empty(listId), Empty(uri), Empty(version), Empty(versionUri));
        return reference is { ListId: null, CanonicalUri: null, CanonicalVersionUri: null } ? null : reference;
    }

    private static string? Empty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
