namespace Sozialplattform.Documents.Text;

/// <summary>
/// Embedding levels for one paragraph after the weak, neutral and implicit rules of UAX #9
/// (W1–W7, N1–N2, I1–I2). Explicit embeddings and isolates are not supported: form answers do not
/// carry them. Good enough for Arabic mixed with digits, amounts, dates and Latin names.
/// </summary>
internal static class BidiResolver
{
    /// <summary>Rules P2, P3: true for a first strong right-to-left character, false for left-to-right, null without one.</summary>
    public static bool? FirstStrongIsRightToLeft(string text)
    {
        foreach (var c in text)
        {
            var type = BidiClassifier.Classify(c);
            if (type == BidiClass.L) return false;
            if (type is BidiClass.R or BidiClass.AL) return true;
        }

        return null;
    }

    public static byte[] ResolveLevels(string text, bool rightToLeft)
    {
        var levels = new byte[text.Length];
        if (!rightToLeft && !BidiClassifier.ContainsRightToLeft(text)) return levels;

        var types = new BidiClass[text.Length];
        for (var i = 0; i < text.Length; i++) types[i] = BidiClassifier.Classify(text[i]);
        var paragraph = rightToLeft ? BidiClass.R : BidiClass.L;

        ResolveWeakTypes(types, paragraph);
        ResolveNeutralTypes(types, paragraph);

        var baseLevel = (byte)(rightToLeft ? 1 : 0);
        for (var i = 0; i < types.Length; i++)
            levels[i] = (baseLevel, types[i]) switch
            {
                (0, BidiClass.R) => 1,
                (0, BidiClass.EN or BidiClass.AN) => 2,
                (0, _) => 0,
                (_, BidiClass.L or BidiClass.EN or BidiClass.AN) => 2,
                _ => 1,
            };
        return levels;
    }

    private static void ResolveWeakTypes(BidiClass[] types, BidiClass paragraph)
    {
        var previous = paragraph;
        for (var i = 0; i < types.Length; i++) // W1
            if (types[i] == BidiClass.NSM) types[i] = previous;
            else previous = types[i];

        var lastStrong = paragraph;
        for (var i = 0; i < types.Length; i++) // W2, W3
        {
            if (types[i] is BidiClass.L or BidiClass.R or BidiClass.AL) lastStrong = types[i];
            else if (types[i] == BidiClass.EN && lastStrong == BidiClass.AL) types[i] = BidiClass.AN;
            if (types[i] == BidiClass.AL) types[i] = BidiClass.R;
        }

        for (var i = 1; i < types.Length - 1; i++) // W4
        {
            var (before, after) = (types[i - 1], types[i + 1]);
            if (types[i] == BidiClass.ES && before == BidiClass.EN && after == BidiClass.EN) types[i] = BidiClass.EN;
            else if (types[i] == BidiClass.CS && before == after && before is BidiClass.EN or BidiClass.AN) types[i] = before;
        }

        ForEachRun(types, t => t == BidiClass.ET, (start, end) => // W5
        {
            if ((start > 0 && types[start - 1] == BidiClass.EN) || (end < types.Length && types[end] == BidiClass.EN))
                Array.Fill(types, BidiClass.EN, start, end - start);
        });

        for (var i = 0; i < types.Length; i++) // W6
            if (types[i] is BidiClass.ES or BidiClass.ET or BidiClass.CS) types[i] = BidiClass.ON;

        lastStrong = paragraph;
        for (var i = 0; i < types.Length; i++) // W7
            if (types[i] is BidiClass.L or BidiClass.R) lastStrong = types[i];
            else if (types[i] == BidiClass.EN && lastStrong == BidiClass.L) types[i] = BidiClass.L;
    }

    private static void ResolveNeutralTypes(BidiClass[] types, BidiClass paragraph) =>
        ForEachRun(types, t => t is BidiClass.WS or BidiClass.ON, (start, end) => // N1, N2
        {
            var before = start > 0 ? StrongDirection(types[start - 1]) : paragraph;
            var after = end < types.Length ? StrongDirection(types[end]) : paragraph;
            Array.Fill(types, before == after ? before : paragraph, start, end - start);
        });

    private static BidiClass StrongDirection(BidiClass type) => type == BidiClass.L ? BidiClass.L : BidiClass.R;

    private static void ForEachRun(BidiClass[] types, Func<BidiClass, bool> member, Action<int, int> resolve)
    {
        for (var i = 0; i < types.Length; i++)
        {
            if (!member(types[i])) continue;
            var end = i;
            while (end < types.Length && member(types[end])) end++;
            resolve(i, end);
            i = end;
        }
    }

    /// <summary>Rule L2: the visual order of runs given their levels (reverse every sequence at or above each odd level).</summary>
    public static int[] VisualOrder(IReadOnlyList<byte> runLevels)
    {
        var order = Enumerable.Range(0, runLevels.Count).ToArray();
        if (runLevels.Count == 0) return order;
        var highest = runLevels.Max();
        var lowestOdd = runLevels.Where(l => l % 2 == 1).DefaultIfEmpty((byte)(highest + 1)).Min();
        for (int level = highest; level >= lowestOdd; level--)
        {
            for (var i = 0; i < order.Length; i++)
            {
                if (runLevels[order[i]] < level) continue;
                var end = i;
                while (end < order.Length && runLevels[order[end]] >= level) end++;
                Array.Reverse(order, i, end - i);
                i = end;
            }
        }

        return order;
    }
}
