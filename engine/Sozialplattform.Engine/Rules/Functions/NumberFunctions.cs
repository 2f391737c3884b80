namespace Sozialplattform.Engine.Rules;

/// <summary>Helpers over numbers and the rows of repeating groups. Sums are exact to the cent (no binary rounding noise).</summary>
public static class NumberFunctions
{
    private const string Support = """
        function __get(row, path) {
          var value = row;
          var parts = String(path).split('.');
          for (var i = 0; i < parts.length; i++) { if (value === null || value === undefined) return null; value = value[parts[i]]; }
          return value === undefined ? null : value;
        }
        function __numbers(rows, path) {
          var values = [];
          if (!Array.isArray(rows)) return values;
          for (var i = 0; i < rows.length; i++) { var v = path === undefined ? rows[i] : __get(rows[i], path); if (typeof v === 'number' && isFinite(v)) values.push(v); }
          return values;
        }
        function __scale(v) { var s = String(v); if (s.indexOf('e') >= 0) return 10; var i = s.indexOf('.'); return i < 0 ? 0 : Math.min(10, s.length - i - 1); }
        """;

    public static RuleFunctionRegistry WithNumberFunctions(this RuleFunctionRegistry registry) => registry
        .AddSupport(Support)
        .Add(new("numbers", "sum", "sum(rows, 'path')", "Sum of the numbers at `path` in every row (empty answers count as nothing). Without `path`, sums an array of numbers.", "sum(einkommen, 'betrag') > 1000",
            """
            function sum(rows, path) {
              var values = __numbers(rows, path), scale = 0, total = 0;
              for (var i = 0; i < values.length; i++) scale = Math.max(scale, __scale(values[i]));
              var factor = Math.pow(10, scale);
              for (var j = 0; j < values.length; j++) total += Math.round(values[j] * factor);
              return total / factor;
            }
            """))
        .Add(new("numbers", "count", "count(rows[, row => condition])", "Number of rows, or of rows for which the condition holds.", "count(kinder, k => age(k.geburtsdatum) < 6)",
            """
            function count(rows, condition) {
              if (!Array.isArray(rows)) return 0;
              if (condition === undefined) return rows.length;
              var n = 0;
              for (var i = 0; i < rows.length; i++) if (condition(rows[i], i)) n++;
              return n;
            }
            """))
        .Add(new("numbers", "minOf", "minOf(rows, 'path')", "Smallest number at `path` in the rows; null if there is none.", "minOf(kinder, 'alter') < 3",
            "function minOf(rows, path) { var v = __numbers(rows, path); return v.length ? Math.min.apply(null, v) : null; }"))
        .Add(new("numbers", "maxOf", "maxOf(rows, 'path')", "Largest number at `path` in the rows; null if there is none.", "maxOf(einkommen, 'betrag') > 520",
            "function maxOf(rows, path) { var v = __numbers(rows, path); return v.length ? Math.max.apply(null, v) : null; }"))
        .Add(new("numbers", "round", "round(x, decimals)", "`x` rounded half away from zero to `decimals` places (default 0).", "round(miete / personen, 2)",
            """
            function round(x, decimals) {
              if (typeof x !== 'number' || !isFinite(x)) return null;
              var d = decimals === undefined ? 0 : Math.trunc(decimals);
              var sign = x < 0 ? -1 : 1;
              return sign * Number(Math.round(Number(Math.abs(x) + 'e' + d)) + 'e' + (-d));
            }
            """));
}
