using System.Globalization;

namespace Sozialplattform.Engine.Rules;

/// <summary>
/// Jint checks its memory limit between statements, so a single built-in call could allocate gigabytes before the
/// check runs (<c>'x'.repeat(5e8)</c>). These guards replace the built-ins whose result can be much larger than
/// their input: they compute (an upper bound of) the result's length first and refuse with a <see cref="Prefix"/>
/// error before anything is allocated. Binary data (typed arrays, buffers) is removed; rules never need it.
/// Installed once per sandbox, before the helpers and before anything is frozen; server only — the browser
/// has its own budget (<c>form-rules.js</c>).
/// </summary>
internal static class BuiltInGuards
{
    /// <summary>The start of every refusal's message: such a failure is a limit (<c>ruleLimit</c>), not a rule error.</summary>
    public const string Prefix = "rule limit: ";

    /// <summary>Uses every guard once, so that a sandbox's first rule is not charged for compiling them.</summary>
    public const string WarmUp = """
        [[1, [2]].toString(), [1].toLocaleString(), 'a'.repeat(2), 'a'.padStart(2), 'a'.padEnd(2), 'a'.concat('b'), 'ab'.replace('a', '$&'),
         'ab'.replaceAll('a', x => x), 'ab'.replace(/a/g, '-'), JSON.stringify({ a: [1, 'b'] }, null, 1)]
        """;

    public static string Script(int maxStringLength) => Source.Replace("__MAX__", maxStringLength.ToString(CultureInfo.InvariantCulture));

    private const string Source = """
        (function (global) {
          'use strict';
          var max = __MAX__, apply = Reflect.apply, define = Object.defineProperty, toStr = String, isArray = Array.isArray;
          var S = String.prototype, A = Array.prototype, R = RegExp.prototype, J = JSON;
          var originals = { repeat: S.repeat, padStart: S.padStart, padEnd: S.padEnd, concat: S.concat, replace: S.replace,
            replaceAll: S.replaceAll, join: A.join, regexpReplace: R[Symbol.replace], stringify: J.stringify };

          function refuse() { throw new RangeError('rule limit: the result would be longer than ' + max + ' characters'); }
          function check(length) { if (length > max) refuse(); }
          function method(owner, key, fn) { define(owner, key, { value: fn, writable: true, configurable: true, enumerable: false }); }
          function text(value) { return value === null || value === undefined ? '' : toStr(value); }

          method(S, 'repeat', { repeat(count) { check(toStr(this).length * (+count || 0)); return apply(originals.repeat, this, [count]); } }.repeat);
          method(S, 'padStart', { padStart(length, filler) { check(+length || 0); return apply(originals.padStart, this, [length, filler]); } }.padStart);
          method(S, 'padEnd', { padEnd(length, filler) { check(+length || 0); return apply(originals.padEnd, this, [length, filler]); } }.padEnd);
          method(S, 'concat', { concat(...parts) {
            var strings = [toStr(this)], total = strings[0].length;
            for (var i = 0; i < parts.length; i++) { strings.push(toStr(parts[i])); check(total += strings[i + 1].length); }
            return apply(originals.join, strings, ['']);
          } }.concat);

          function join(separator) {
            var sep = separator === undefined ? ',' : toStr(separator), items = Object(this), n = Math.min(Math.max(+items.length || 0, 0), 4294967295);
            if (n > 1) check((n - 1) * sep.length);
            var parts = new Array(n), total = n > 1 ? (n - 1) * sep.length : 0;
            for (var i = 0; i < n; i++) { parts[i] = text(items[i]); check(total += parts[i].length); }
            return apply(originals.join, parts, [sep]);
          }
          method(A, 'join', { join(separator) { return apply(join, this, [separator]); } }.join);
          method(A, 'toLocaleString', { toLocaleString() {
            var items = Object(this), n = Math.min(Math.max(+items.length || 0, 0), 4294967295), parts = new Array(n);
            for (var i = 0; i < n; i++) parts[i] = items[i] === null || items[i] === undefined ? '' : items[i].toLocaleString();
            return apply(join, parts, [',']);
          } }.toLocaleString);

          // A replacement's '$' patterns repeat parts of the subject; a replacer function is counted as it answers.
          function replacement(subject, matches, removedEach, replaceValue) {
            if (typeof replaceValue === 'function') {
              var total = subject.length;
              return function () { var s = toStr(apply(replaceValue, undefined, arguments)); check(total += s.length); return s; };
            }
            var r = toStr(replaceValue), dollars = r.split('$').length - 1;
            check(subject.length + matches * Math.max(0, r.length + dollars * subject.length - removedEach));
            return r;
          }
          function isRegExp(value) { return value !== null && typeof value === 'object' && value instanceof RegExp; }
          function stringReplace(all) {
            return function (pattern, replaceValue) {
              var subject = toStr(this);
              if (isRegExp(pattern)) return apply(all ? originals.replaceAll : originals.replace, subject, [pattern, replaceValue]);
              var p = toStr(pattern), matches = !all ? 1 : p.length === 0 ? subject.length + 1 : Math.floor(subject.length / p.length);
              return apply(all ? originals.replaceAll : originals.replace, subject, [p, replacement(subject, matches, p.length, replaceValue)]);
            };
          }
          method(S, 'replace', { replace(pattern, replaceValue) { return apply(stringReplace(false), this, [pattern, replaceValue]); } }.replace);
          method(S, 'replaceAll', { replaceAll(pattern, replaceValue) { return apply(stringReplace(true), this, [pattern, replaceValue]); } }.replaceAll);
          method(R, Symbol.replace, { [Symbol.replace](string, replaceValue) {
            var subject = toStr(string), matches = this.global ? subject.length + 1 : 1;
            return apply(originals.regexpReplace, this, [subject, replacement(subject, matches, 0, replaceValue)]);
          } }[Symbol.replace]);

          // JSON: every value is counted as it is written (key, value, indentation at its depth).
          method(J, 'stringify', { stringify(value, replacer, space) {
            var gap = typeof space === 'number' ? Math.min(10, Math.max(0, Math.floor(space))) : typeof space === 'string' ? Math.min(10, space.length) : 0;
            var allowed = isArray(replacer) ? replacer.map(toStr) : null, depths = new WeakMap(), total = 0;
            var counting = function (key, v) {
              if (allowed !== null && key !== '' && !isArray(this) && allowed.indexOf(key) < 0) return undefined;
              if (typeof replacer === 'function') v = apply(replacer, this, [key, v]);
              var depth = key === '' && !depths.has(this) ? 0 : (depths.get(this) || 0) + 1;
              if (v !== null && typeof v === 'object') depths.set(v, depth);
              total += key.length + 4 + gap * depth + (typeof v === 'string' ? v.length : typeof v === 'number' || typeof v === 'boolean' ? 25 : 0);
              check(total);
              return v;
            };
            return apply(originals.stringify, J, [value, counting, space]);
          } }.stringify);

          ['ArrayBuffer', 'SharedArrayBuffer', 'DataView', 'Atomics', 'Int8Array', 'Uint8Array', 'Uint8ClampedArray', 'Int16Array',
           'Uint16Array', 'Int32Array', 'Uint32Array', 'Float16Array', 'Float32Array', 'Float64Array', 'BigInt64Array', 'BigUint64Array',
           'WeakRef', 'FinalizationRegistry'].forEach(function (name) { delete global[name]; });
        })(this);
        """;
}
