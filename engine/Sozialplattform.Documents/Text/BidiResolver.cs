namespace Sozialplattform.Documents.Text;

/// <summary>
/// Embedding levels for one paragraph after the weak, neutral and implicit rules of UAX #9
/// (W1–W7, N1–N2, I1–I2) and its isolates (LRI, RLI, FSI … PDI, rules X5a–X6a, BD13): an isolate is one neutral
/// in the text around it and resolved on its own inside, one level up. Explicit embeddings (LRE, RLE, …) are not
/// supported. The documents isolate values (<see cref="Isolate"/>), so a phone number "0221 1234567" in an Arabic
/// document keeps its order instead of being read as two numbers in right-to-left order.
/// </summary>
internal static class BidiResolver
{
    public const char FirstStrongIsolate = '\u2068';
    public const char LeftToRightIsolate = '\u2066';
    public const char RightToLeftIsolate = '\u2067';
    public const char PopDirectionalIsolate = '\u2069';

    /// <summary>The text as an isolate whose direction follows its own first strong character (left to right without one).</summary>
    public static string Isolate(string text) => text.Length == 0 ? text : $"{FirstStrongIsolate}{text}{PopDirectionalIsolate}";

    private static bool IsInitiator(char c) => c is FirstStrongIsolate or LeftToRightIsolate or RightToLeftIsolate;

    /// <summary>Rules P2, P3: true for a first strong right-to-left character, false for left-to-right, null without one; isolates are skipped.</summary>
    public static bool? FirstStrongIsRightToLeft(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (IsInitiator(text[i])) { i = MatchingPdi(text, i); continue; }
            var type = BidiClassifier.Classify(text[i]);
            if (type == BidiClass.L) return false;
            if (type is BidiClass.R or BidiClass.AL) return true;
        }

        return null;
    }

    /// <summary>The index of the PDI that closes the isolate opened at <paramref name="start"/> (the text's end when unclosed, BD9).</summary>
    private static int MatchingPdi(string text, int start)
    {
        var depth = 0;
        for (var i = start; i < text.Length; i++)
        {
            if (IsInitiator(text[i])) depth++;
            else if (text[i] == PopDirectionalIsolate && --depth == 0) return i;
        }

        return text.Length;
    }

    public static byte[] ResolveLevels(string text, bool rightToLeft)
    {
        if (text.AsSpan().IndexOfAny(FirstStrongIsolate, LeftToRightIsolate, RightToLeftIsolate) < 0) return ResolveWithoutIsolates(text, rightToLeft);

        // Outside: each isolate, with its initiator and PDI, counts as one neutral ('!' is ON).
        var outside = text.ToCharArray();
        var isolates = new List<(int Start, int End)>();
        for (var i = 0; i < text.Length; i++)
        {
            if (!IsInitiator(text[i])) continue;
            var end = Math.Min(MatchingPdi(text, i), text.Length - 1);
            Array.Fill(outside, '!', i, end - i + 1);
            isolates.Add((i, end));
            i = end;
        }

        var levels = ResolveWithoutIsolates(new string(outside), rightToLeft);
        var baseLevel = rightToLeft ? 1 : 0;
        foreach (var (start, end) in isolates)
        {
            var inner = text[(start + 1)..(text[end] == PopDirectionalIsolate ? end : end + 1)];
            var innerRightToLeft = text[start] switch
            {
                RightToLeftIsolate => true,
                LeftToRightIsolate => false,
                _ => FirstStrongIsRightToLeft(inner) ?? false,
            };
            // X5a–X5c: the next higher odd (right to left) or even (left to right) level.
            var innerBase = innerRightToLeft ? (baseLevel % 2 == 1 ? baseLevel + 2 : baseLevel + 1) : (baseLevel % 2 == 0 ? baseLevel + 2 : baseLevel + 1);
            var innerLevels = ResolveLevels(inner, innerRightToLeft);
            for (var i = 0; i < innerLevels.Length; i++)
                levels[start + 1 + i] = (byte)(innerLevels[i] + innerBase - (innerRightToLeft ? 1 : 0));
        }

        return levels;
    }

    private static byte[] ResolveWithoutIsolates(string text, bool rightToLeft)
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
