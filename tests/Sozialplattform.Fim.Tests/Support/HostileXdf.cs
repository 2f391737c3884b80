using System.Text;
using static Sozialplattform.Fim.Tests.Support.Xdf;

namespace Sozialplattform.Fim.Tests.Support;

/// <summary>Generated XDatenfelder 3 files of hostile shape: deep element trees, deep groups, long files.</summary>
public static class HostileXdf
{
    /// <summary>A field whose <c>beschreibung</c> (not mapped) holds elements nested <paramref name="depth"/> deep.</summary>
    public static string FieldWithNestedDescription(string id, int depth) =>
        Field(id, extra: "<xdf:beschreibung>\n" + Repeat("<a>", depth) + "x" + Repeat("</a>", depth) + "\n</xdf:beschreibung>");

    /// <summary>Groups G1 ⊃ G2 ⊃ … ⊃ G<paramref name="depth"/>, the innermost holding field F1 used <paramref name="fieldAnzahl"/> times.</summary>
    public static string NestedGroups(int depth, string fieldAnzahl = "1:1")
    {
        var content = Use(fieldAnzahl, Field("F1"));
        for (var level = depth; level >= 1; level--) content = Use("1:1", Group($"G{level}", content));
        return Schema3(content);
    }

    /// <summary>
    /// Shallow XML, deep form: G1 holds a field, and each G<i>n</i> (a top-level group) holds only a reference to
    /// G<i>n-1</i> — a group is read once, so the reuse carries G<i>n-1</i>'s whole subtree.
    /// </summary>
    public static string ChainOfReusedGroups(int length)
    {
        var structures = new StringBuilder(Use("1:1", Group("G1", Use("1:1", Field("F1")))));
        for (var level = 2; level <= length; level++)
            structures.Append(Use("1:1", Group($"G{level}", Use("1:1", Group($"G{level - 1}", "")))));
        return Schema3(structures.ToString());
    }

    /// <summary><paramref name="count"/> top-level fields, each with a description nested 90 deep (within the XML limit).</summary>
    public static string ManyFields(int count) =>
        Schema3(string.Concat(Enumerable.Range(1, count).Select(i => Use("1:1", FieldWithNestedDescription($"F{i}", 90)))));

    private static string Repeat(string text, int count) => new StringBuilder(text.Length * count).Insert(0, text, count).ToString();
}
