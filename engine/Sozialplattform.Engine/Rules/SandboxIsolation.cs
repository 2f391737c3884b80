using Jint.Native;
using Jint.Native.Object;
using Jint.Runtime;
using Jint.Runtime.Interop;

namespace Sozialplattform.Engine.Rules;

/// <summary>
/// Makes a pooled sandbox unchangeable once the helper runtime is loaded, so that nothing a rule, a trial or a helper
/// does can change what any later evaluation sees: every built-in reachable from the global object (constructors,
/// prototypes, the helpers, and the intrinsics only reachable through instances such as the iterator and generator
/// prototypes) is deep-frozen, and what makes a rule non-deterministic is removed. Rules run in strict mode, so a
/// write to a frozen object throws and the rule fails with <c>ruleError</c> instead of being ignored.
/// </summary>
internal static class SandboxIsolation
{
    /// <summary>
    /// The date of <c>today()</c> is an accessor whose getter asks the host, so the global object can be frozen and
    /// still tell each request its own date.
    /// </summary>
    private const string Prepare = """
        (function (clock) {
          'use strict';
          Object.defineProperty(globalThis, '__today', { get: clock, enumerable: false, configurable: false });
          delete Math.random;
          delete globalThis.Date;
        })
        """;

    /// <summary>Objects whose prototypes are intrinsics that no global property leads to.</summary>
    private const string ReachableOnlyThroughInstances = """
        [
          [][Symbol.iterator](), new Map()[Symbol.iterator](), new Set()[Symbol.iterator](), ''[Symbol.iterator](),
          'a'.matchAll(/a/g), function* () {}, (function* () {})(), async function () {}, async function* () {},
          (async function* () {})(), (function () { return arguments; })(),
          typeof Iterator === 'function' ? [].values().map(function (x) { return x; }) : null,
          typeof Iterator === 'function' ? Iterator.from({ next: function () { return { done: true }; } }) : null,
        ]
        """;

    /// <summary>Seals <paramref name="engine"/>; <paramref name="today"/> answers the ISO date <c>today()</c> returns.</summary>
    public static void Seal(Jint.Engine engine, Func<JsValue> today)
    {
        var clock = new ClrFunction(engine, "today", (_, _) => today());
        engine.Invoke(engine.Evaluate(Prepare), clock);
        var roots = (JsArray)engine.Evaluate(ReachableOnlyThroughInstances);
        var pending = new Stack<ObjectInstance>([engine.Global]);
        for (uint i = 0; i < roots.Length; i++)
            if (roots.Get(i) is ObjectInstance root) pending.Push(root);
        DeepFreeze(engine, pending);
    }

    /// <summary>
    /// <c>Object.freeze</c> on everything reachable through own properties (values and accessors) and prototypes —
    /// walked here, not in JavaScript, so the sandbox's own time, statement and recursion limits do not apply.
    /// </summary>
    private static void DeepFreeze(Jint.Engine engine, Stack<ObjectInstance> pending)
    {
        var freeze = engine.Evaluate("Object.freeze");
        var seen = new HashSet<ObjectInstance>(ReferenceEqualityComparer.Instance);
        while (pending.TryPop(out var value))
        {
            if (!seen.Add(value)) continue;
            engine.Invoke(freeze, value);
            foreach (var key in value.GetOwnPropertyKeys(Types.String | Types.Symbol))
            {
                var property = value.GetOwnProperty(key);
                foreach (var reachable in new[] { property.Value, property.Get, property.Set })
                    if (reachable is ObjectInstance next) pending.Push(next);
            }

            if (value.Prototype is { } prototype) pending.Push(prototype);
        }
    }
}
