using System.Text.Json;
using System.Text.Json.Nodes;
using Jint;
using Jint.Native;
using Sozialplattform.Engine.Fields;

namespace Sozialplattform.Engine.Rules;

/// <summary>
/// Moves answers into the sandbox and results out of it, as plain JSON-shaped values only. Keys become own data
/// properties (never a write through the frozen prototype chain, so <c>toString</c> or <c>__proto__</c> are answers like any other).
/// </summary>
internal static class JsonJsConverter
{
    public static JsValue ToJs(Jint.Engine engine, JsonNode? node)
    {
        switch (node)
        {
            case null:
                return JsValue.Null;
            case JsonValue value:
                return value.GetValueKind() switch
                {
                    JsonValueKind.String => new JsString(value.GetValue<string>()),
                    JsonValueKind.Number => new JsNumber(value.TryGetValue(out double d) ? d : (double)AnswerValues.Decimal(value)),
                    JsonValueKind.True => JsBoolean.True,
                    JsonValueKind.False => JsBoolean.False,
                    _ => JsValue.Null,
                };
            case JsonArray array:
                var items = new JsValue[array.Count];
                for (var i = 0; i < items.Length; i++) items[i] = ToJs(engine, array[i]);
                return new JsArray(engine, items);
            case JsonObject obj:
                var result = new JsObject(engine);
                foreach (var (key, child) in obj) result.CreateDataProperty(key, ToJs(engine, child));
                return result;
            default:
                return JsValue.Null;
        }
    }

    public static JsonNode? ToJson(JsValue value, int depth = 0)
    {
        if (depth > 32) return null;
        switch (value)
        {
            case JsString or JsNumber or JsBoolean:
                if (value.IsString()) return JsonValue.Create(value.AsString());
                if (value.IsBoolean()) return JsonValue.Create(value.AsBoolean());
                var number = value.AsNumber();
                return double.IsFinite(number) ? JsonValue.Create((decimal)number) : null;
            case JsArray array:
                var list = new JsonArray();
                for (uint i = 0; i < array.Length; i++) list.Add(ToJson(array.Get(i), depth + 1));
                return list;
            case JsObject obj:
                var result = new JsonObject();
                foreach (var key in obj.GetOwnPropertyKeys())
                {
                    if (!key.IsString()) continue;
                    var property = obj.Get(key);
                    if (property is Jint.Native.Function.Function) continue;
                    result[key.AsString()] = ToJson(property, depth + 1);
                }

                return result;
            default:
                return null;
        }
    }
}
