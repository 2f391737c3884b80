using System.Text.Json.Nodes;

namespace Sozialplattform.Benchmarks.Engine;

/// <summary>
/// The seeded workload of the engine benchmarks: 1,000 fields over 10 pages (text with length and pattern limits,
/// integer with bounds, date, single choice of 5, yes/no, e-mail), 150 visibleIf and 50 requiredIf rules reading
/// earlier fields, and a 5-field repeating group with 100 rows and a per-row condition; a complete valid answer set
/// and one with exactly 20 errors (missing required, pattern, range).
/// </summary>
public sealed class EngineWorkload
{
    public const int FieldCount = 1000;
    public const int Rows = 100;
    private static readonly string[] Types = ["text", "integer", "date", "choice", "yesNo", "email"];

    public EngineWorkload(int seed = 20261125)
    {
        var random = new Random(seed);
        var fields = new List<JsonObject>();
        var valid = new JsonObject();
        var visibleRules = 0;
        var requiredRules = 0;
        var plain = new List<(int Index, string Type)>();
        for (var i = 0; i < FieldCount; i++)
        {
            var type = Types[i % Types.Length];
            var field = Field(i, type);
            var earlierYesNo = (random.Next(0, Math.Max(1, i / 6)) * 6) + 4;
            if (i >= 10 && visibleRules < 150 && i % 6 != 4 && random.NextDouble() < 0.2)
            {
                field["visibleIf"] = earlierYesNo < i ? $"f{earlierYesNo} === true" : $"f{i - 9} > 500";
                visibleRules++;
            }
            else if (i >= 10 && requiredRules < 50 && random.NextDouble() < 0.1 && earlierYesNo < i)
            {
                field["requiredIf"] = $"f{earlierYesNo} === true";
                requiredRules++;
            }
            else if (i % 3 == 0) field["required"] = true;

            if (field["visibleIf"] is null && field["requiredIf"] is null) plain.Add((i, type));
            fields.Add(field);
            valid[$"f{i}"] = ValidAnswer(i, type, random);
        }

        VisibleIfRules = visibleRules;
        RequiredIfRules = requiredRules;
        var pages = new JsonArray();
        for (var page = 0; page < 10; page++)
        {
            var items = new JsonArray(fields.Skip(page * 100).Take(100).Select(f => (JsonNode)f).ToArray());
            if (page == 9) items.Add(RepeatingGroup());
            pages.Add(new JsonObject { ["id"] = $"p{page}", ["title"] = new JsonObject { ["de"] = $"Seite {page + 1}" }, ["items"] = items });
        }

        valid["zeilen"] = new JsonArray(Enumerable.Range(0, Rows).Select(r => (JsonNode)new JsonObject
        {
            ["name"] = $"Zeile {r}",
            ["betrag"] = 10.5m + r,
            ["datum"] = "2020-01-15",
            ["art"] = r % 2 == 0 ? "a" : "b",
            ["notiz"] = r % 2 == 0 ? null : "Notiz",
        }).ToArray());

        Definition = new JsonObject
        {
            ["id"] = "benchmark",
            ["version"] = "1.0.0",
            ["status"] = "draft",
            ["languages"] = new JsonArray("de"),
            ["title"] = new JsonObject { ["de"] = "Lastprofil" },
            ["pages"] = pages,
        }.ToJsonString();
        ValidAnswers = valid.ToJsonString();
        InvalidAnswers = WithTwentyErrors(valid, plain).ToJsonString();
        var mostRead = fields
            .SelectMany(f => new[] { f["visibleIf"], f["requiredIf"] })
            .Select(r => r?.GetValue<string>() ?? "")
            .Where(r => r.EndsWith(" === true", StringComparison.Ordinal))
            .GroupBy(r => r[..r.IndexOf(' ')])
            .MaxBy(g => g.Count())!;
        ToggleField = mostRead.Key;
        ToggleDependents = mostRead.Count();
    }

    public string Definition { get; }
    public string ValidAnswers { get; }
    public string InvalidAnswers { get; }
    public int VisibleIfRules { get; }
    public int RequiredIfRules { get; }

    /// <summary>A yes/no field that other fields' rules read (changing it re-runs those rules).</summary>
    public string ToggleField { get; }

    public int ToggleDependents { get; }

    private static JsonObject Field(int i, string type)
    {
        var field = new JsonObject { ["key"] = $"f{i}", ["type"] = type, ["label"] = new JsonObject { ["de"] = $"Feld {i}" } };
        switch (type)
        {
            case "text":
                field["maxLength"] = 40;
                field["pattern"] = "[A-Za-zÄÖÜäöüß ]+";
                break;
            case "integer":
                field["min"] = 0;
                field["max"] = 1000;
                break;
            case "date":
                field["min"] = "1900-01-01";
                field["max"] = "today";
                break;
            case "choice":
                field["options"] = new JsonArray(Enumerable.Range(1, 5).Select(o => (JsonNode)new JsonObject { ["code"] = $"o{o}", ["label"] = new JsonObject { ["de"] = $"Option {o}" } }).ToArray());
                break;
        }

        return field;
    }

    private static JsonNode? ValidAnswer(int i, string type, Random random) => type switch
    {
        "text" => $"Antwort {new string((char)('a' + i % 26), 1 + i % 7)}",
        "integer" => random.Next(0, 1001),
        "date" => $"19{random.Next(50, 99)}-0{random.Next(1, 9)}-1{random.Next(0, 9)}",
        "choice" => $"o{random.Next(1, 6)}",
        "yesNo" => random.Next(2) == 0,
        _ => $"person{i}@beispiel.de",
    };

    private static JsonObject RepeatingGroup() => new()
    {
        ["key"] = "zeilen",
        ["type"] = "group",
        ["title"] = new JsonObject { ["de"] = "Zeilen" },
        ["repeat"] = new JsonObject { ["min"] = 0, ["max"] = 200 },
        ["items"] = new JsonArray(
            new JsonObject { ["key"] = "name", ["type"] = "text", ["label"] = new JsonObject { ["de"] = "Name" }, ["required"] = true, ["maxLength"] = 40 },
            new JsonObject { ["key"] = "betrag", ["type"] = "money", ["label"] = new JsonObject { ["de"] = "Betrag" }, ["min"] = 0 },
            new JsonObject { ["key"] = "datum", ["type"] = "date", ["label"] = new JsonObject { ["de"] = "Datum" }, ["max"] = "today" },
            new JsonObject
            {
                ["key"] = "art", ["type"] = "choice", ["label"] = new JsonObject { ["de"] = "Art" },
                ["options"] = new JsonArray(new JsonObject { ["code"] = "a", ["label"] = "A" }, new JsonObject { ["code"] = "b", ["label"] = "B" }),
            },
            new JsonObject { ["key"] = "notiz", ["type"] = "text", ["label"] = new JsonObject { ["de"] = "Notiz" }, ["visibleIf"] = "art === 'b'", ["requiredIf"] = "true" }),
    };

    private static JsonObject WithTwentyErrors(JsonObject valid, List<(int Index, string Type)> plain)
    {
        var invalid = (JsonObject)valid.DeepClone();
        var required = plain.Where(p => p.Type == "choice" && p.Index % 3 == 0).Take(7).ToList();
        foreach (var (index, _) in required) invalid.Remove($"f{index}");
        var texts = plain.Where(p => p.Type == "text").Take(7).ToList();
        foreach (var (index, _) in texts) invalid[$"f{index}"] = "Nummer 42";
        var numbers = plain.Where(p => p.Type == "integer").Take(6).ToList();
        foreach (var (index, _) in numbers) invalid[$"f{index}"] = 5000;
        return invalid;
    }
}
