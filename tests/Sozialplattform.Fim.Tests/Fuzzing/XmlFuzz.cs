using System.Text;
using System.Xml;
using System.Xml.Linq;
using CsCheck;
using Sozialplattform.Tests.Fuzzing;

namespace Sozialplattform.Fim.Tests.Fuzzing;

/// <summary>Mutations of a real XDatenfelder file: elements removed, duplicated, moved into themselves, texts, codes, ids and cardinalities replaced, uses nested deep, rule scripts garbled, the text cut.</summary>
public static class XmlFuzz
{
    public abstract record Mutation(int Pick)
    {
        public abstract void Apply(XElement root);

        protected static T? Choose<T>(IEnumerable<T> candidates, int pick) where T : class
        {
            var list = candidates.ToList();
            return list.Count == 0 ? null : list[pick % list.Count];
        }

        /// <summary>Lone surrogates cannot be encoded at all (the text writer refuses them); everything else stays.</summary>
        protected static string Encodable(string text) => string.Concat(text.EnumerateRunes().Select(r => r.ToString()));

        protected static IEnumerable<XElement> Named(XElement root, params string[] names) =>
            root.Descendants().Where(e => names.Contains(e.Name.LocalName));
    }

    public sealed record RemoveElement(int Pick) : Mutation(Pick)
    {
        public override void Apply(XElement root) => Choose(root.Descendants(), Pick)?.Remove();
    }

    public sealed record DuplicateElement(int Pick) : Mutation(Pick)
    {
        public override void Apply(XElement root)
        {
            var element = Choose(root.Descendants(), Pick);
            element?.AddAfterSelf(new XElement(element));
        }
    }

    public sealed record ReplaceText(int Pick, string Text) : Mutation(Pick)
    {
        public override void Apply(XElement root)
        {
            var leaf = Choose(root.Descendants().Where(e => !e.HasElements), Pick);
            leaf?.SetValue(Encodable(Text));
        }
    }

    /// <summary>Replaces the text of an element the importer interprets (cardinality, codes, ids, versions, precision, scripts).</summary>
    public sealed record ReplaceMeaningful(int Pick, string Name, string Text) : Mutation(Pick)
    {
        public override void Apply(XElement root)
        {
            var element = Choose(Named(root, Name), Pick);
            if (element is null) return;
            if (element.Element(element.Name.Namespace + "code") is { } code) code.SetValue(Encodable(Text));
            else if (Name == "code" || !element.HasElements) element.SetValue(Encodable(Text));
        }
    }

    /// <summary>Puts a copy of a group into a use inside it: a group that contains itself.</summary>
    public sealed record ContainItself(int Pick) : Mutation(Pick)
    {
        public override void Apply(XElement root)
        {
            var group = Choose(Named(root, "datenfeldgruppe"), Pick);
            var inner = group is null ? null : Choose(Named(group, "enthaelt"), Pick);
            inner?.Add(new XElement(group!));
        }
    }

    /// <summary>Wraps the content of a use in groups <c>Depth</c> levels deep (the limit is 16).</summary>
    public sealed record NestDeep(int Pick, int Depth) : Mutation(Pick)
    {
        public override void Apply(XElement root)
        {
            var use = Choose(Named(root, "enthaelt"), Pick);
            if (use?.Elements().FirstOrDefault() is not { } content) return;
            var ns = use.Name.Namespace;
            XElement wrapped = new(content);
            for (var level = 0; level < Depth; level++)
                wrapped = new XElement(ns + "datenfeldgruppe",
                    new XElement(ns + "identifikation", new XElement(ns + "id", $"G99{level:D9}"), new XElement(ns + "version", "1.0.0")),
                    new XElement(ns + "name", "Tief"),
                    new XElement(ns + "struktur", new XElement(ns + "anzahl", "1:1"), new XElement(ns + "enthaelt", wrapped)));
            content.ReplaceWith(wrapped);
        }
    }

    private static readonly string[] Meaningful =
        ["anzahl", "id", "version", "feldart", "datentyp", "praezisierung", "inhalt", "code", "skript", "definition", "freitextRegel", "typ", "art", "maxSize", "mediaType", "codeKey", "nameKey", "bezug"];

    private static readonly Gen<string> MeaningfulText = Gen.OneOf(
        JsonFuzz.OddText,
        RuleFuzz.Text,
        Gen.OneOf("0:*", "2:1", "-1:1", "1:", ":", "99999999999:1", "0:0", "1:1:1", "x", "select", "input", "label", "hidden", "locked",
            "num", "num_int", "num_currency", "date", "bool", "file", "obj", "time", "datetime", "text_latin", "X", "V", "B", "K",
            "{\"minLength\":\"5\",\"maxLength\":\"1\"}", "{\"pattern\":\"[\"}", "{\"minValue\":\"x\"}", "{", "1..31", "31..1",
            "F00000001", "G00000001", "S00000094", "1.0", "1.0.0", "", "https://", "javascript:alert(1)"));

    public static readonly Gen<Mutation> Mutations = Gen.Frequency(
        (2, Gen.Int[0, int.MaxValue].Select(p => (Mutation)new RemoveElement(p))),
        (2, Gen.Int[0, int.MaxValue].Select(p => (Mutation)new DuplicateElement(p))),
        (2, Gen.Select(Gen.Int[0, int.MaxValue], JsonFuzz.OddText, (p, t) => (Mutation)new ReplaceText(p, t))),
        (5, Gen.Select(Gen.Int[0, int.MaxValue], Gen.OneOf(Meaningful), MeaningfulText, (p, n, t) => (Mutation)new ReplaceMeaningful(p, n, t))),
        (1, Gen.Int[0, int.MaxValue].Select(p => (Mutation)new ContainItself(p))),
        (1, Gen.Select(Gen.Int[0, int.MaxValue], Gen.Int[1, 24], (p, d) => (Mutation)new NestDeep(p, d))));

    /// <summary>The document as text; characters XML cannot carry are written anyway (the reader must refuse them).</summary>
    public static string Write(XDocument document)
    {
        var utf8 = new UTF8Encoding(false);
        using var bytes = new MemoryStream();
        using (var writer = XmlWriter.Create(bytes, new XmlWriterSettings { CheckCharacters = false, Encoding = utf8 }))
            document.Save(writer);
        return utf8.GetString(bytes.ToArray());
    }
}
