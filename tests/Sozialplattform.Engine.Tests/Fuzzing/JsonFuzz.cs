using System.Text.Json.Nodes;
using CsCheck;

namespace Sozialplattform.Tests.Fuzzing;

/// <summary>Generators of hostile JSON values and of mutations of a JSON document (replace, remove, add, nest, duplicate).</summary>
public static class JsonFuzz
{
    /// <summary>Text that breaks assumptions: empty, control characters, lone surrogates, right-to-left overrides, long, markup, key-like.</summary>
    public static readonly Gen<string> OddText = Gen.OneOf(
        Gen.String,
        Gen.String[Gen.Char["abcäöüßÄ0123456789 -_."], 0, 12],
        Gen.OneOf("", " ", "\u0000", "\t\n", "\u202Eabc", "\uD800", "\uDC00x", "a\u0301", "😀", "ﷺ", "𝔘𝔫𝔦", "null", "true", "1.0.0", "-1",
            "1e309", "<script>alert(1)</script>", "{\"de\":1}", "__proto__", "constructor", "toString", "de", "Infinity", "2026-02-30",
            new string('x', 5000), string.Concat(Enumerable.Repeat("ü", 3000))));

    public static readonly Gen<double> Number = Gen.OneOf(
        Gen.Int.Select(i => (double)i),
        Gen.Double.Where(double.IsFinite),
        Gen.OneOf(0.0, -0.0, 0.1, 1e308, -1e308, double.Epsilon, 9007199254740993, 1e-300));

    /// <summary>A fresh JSON value of any kind (each draw a new node, so it can be attached once).</summary>
    public static readonly Gen<JsonNode?> Value = Gen.Frequency(
        (4, OddText.Select(s => (JsonNode?)JsonValue.Create(s))),
        (3, Number.Select(d => (JsonNode?)JsonValue.Create(d))),
        (1, Gen.Bool.Select(b => (JsonNode?)JsonValue.Create(b))),
        (1, Gen.Int[0, 0].Select(_ => (JsonNode?)null)),
        (1, Gen.Int[0, 0].Select(_ => (JsonNode?)new JsonArray())),
        (1, Gen.Int[0, 0].Select(_ => (JsonNode?)new JsonObject())),
        (1, OddText.Array[0, 5].Select(items => (JsonNode?)new JsonArray(items.Select(i => (JsonNode?)JsonValue.Create(i)).ToArray()))),
        (1, Gen.Select(OddText, OddText, (key, value) => (JsonNode?)new JsonObject { [key] = value })));

    /// <summary>One change to a document; <c>Pick</c> chooses the place among all places of the right kind.</summary>
    public abstract record Mutation(int Pick)
    {
        public abstract void Apply(JsonNode root);
    }

    public sealed record Replace(int Pick, JsonNode? With) : Mutation(Pick)
    {
        public override void Apply(JsonNode root)
        {
            var places = Places(root);
            if (places.Count == 0) return;
            var (parent, key, index) = places[Pick % places.Count];
            if (parent is JsonObject obj) obj[key!] = With?.DeepClone();
            else ((JsonArray)parent)[index] = With?.DeepClone();
        }
    }

    public sealed record Remove(int Pick) : Mutation(Pick)
    {
        public override void Apply(JsonNode root)
        {
            var places = Places(root);
            if (places.Count == 0) return;
            var (parent, key, index) = places[Pick % places.Count];
            if (parent is JsonObject obj) obj.Remove(key!);
            else ((JsonArray)parent).RemoveAt(index);
        }
    }

    public sealed record Add(int Pick, string Key, JsonNode? Value) : Mutation(Pick)
    {
        public override void Apply(JsonNode root)
        {
            var objects = Nodes(root).OfType<JsonObject>().ToList();
            var target = objects[Pick % objects.Count];
            if (!target.ContainsKey(Key)) target[Key] = Value?.DeepClone();
        }
    }

    /// <summary>Sets a property of an object that already has a <c>key</c> (an item, in a definition).</summary>
    public sealed record SetOnKeyed(int Pick, string Property, JsonNode? Value) : Mutation(Pick)
    {
        public override void Apply(JsonNode root)
        {
            var keyed = Nodes(root).OfType<JsonObject>().Where(o => o.ContainsKey("key")).ToList();
            if (keyed.Count > 0) keyed[Pick % keyed.Count][Property] = Value?.DeepClone();
        }
    }

    /// <summary>Wraps the contents of an <c>items</c> array in groups <c>Depth</c> levels deep.</summary>
    public sealed record Nest(int Pick, int Depth) : Mutation(Pick)
    {
        public override void Apply(JsonNode root)
        {
            var arrays = Nodes(root).OfType<JsonObject>().Select(o => o["items"]).OfType<JsonArray>().ToList();
            if (arrays.Count == 0) return;
            var items = arrays[Pick % arrays.Count];
            var content = new JsonArray(items.Select(i => i?.DeepClone()).ToArray());
            for (var level = 0; level < Depth; level++)
                content = [new JsonObject { ["key"] = $"tief{level}", ["type"] = "group", ["title"] = new JsonObject { ["de"] = "Tief" }, ["items"] = content }];
            items.Clear();
            foreach (var item in content.ToArray()) { content.Remove(item); items.Add(item); }
        }
    }

    /// <summary>Appends a copy of an array element (duplicate keys, ids, options).</summary>
    public sealed record Duplicate(int Pick) : Mutation(Pick)
    {
        public override void Apply(JsonNode root)
        {
            var arrays = Nodes(root).OfType<JsonArray>().Where(a => a.Count > 0).ToList();
            if (arrays.Count == 0) return;
            var array = arrays[Pick % arrays.Count];
            array.Add(array[Pick % array.Count]?.DeepClone());
        }
    }

    public static Gen<Mutation> Mutations(Gen<string> ruleText, params string[] ruleProperties) => Gen.Frequency(
        (4, Gen.Select(Gen.Int[0, int.MaxValue], Value, (pick, value) => (Mutation)new Replace(pick, value))),
        (2, Gen.Int[0, int.MaxValue].Select(pick => (Mutation)new Remove(pick))),
        (2, Gen.Select(Gen.Int[0, int.MaxValue], OddText, Value, (pick, key, value) => (Mutation)new Add(pick, key, value))),
        (4, Gen.Select(Gen.Int[0, int.MaxValue], Gen.OneOf(ruleProperties), ruleText, (pick, property, rule) => (Mutation)new SetOnKeyed(pick, property, JsonValue.Create(rule)))),
        (1, Gen.Select(Gen.Int[0, int.MaxValue], Gen.Int[1, 80], (pick, depth) => (Mutation)new Nest(pick, depth))),
        (1, Gen.Int[0, int.MaxValue].Select(pick => (Mutation)new Duplicate(pick))));

    /// <summary>Every place that holds a value: (container, property name, array index).</summary>
    private static List<(JsonNode Parent, string? Key, int Index)> Places(JsonNode root)
    {
        var places = new List<(JsonNode, string?, int)>();
        foreach (var node in Nodes(root))
        {
            if (node is JsonObject obj) places.AddRange(obj.Select(p => ((JsonNode)obj, (string?)p.Key, -1)));
            else if (node is JsonArray array) places.AddRange(Enumerable.Range(0, array.Count).Select(i => ((JsonNode)array, (string?)null, i)));
        }

        return places;
    }

    private static IEnumerable<JsonNode> Nodes(JsonNode root)
    {
        var pending = new Stack<JsonNode>([root]);
        while (pending.TryPop(out var node))
        {
            yield return node;
            var children = node switch
            {
                JsonObject obj => obj.Select(p => p.Value),
                JsonArray array => array.AsEnumerable(),
                _ => [],
            };
            foreach (var child in children.OfType<JsonNode>().Reverse()) pending.Push(child);
        }
    }
}
