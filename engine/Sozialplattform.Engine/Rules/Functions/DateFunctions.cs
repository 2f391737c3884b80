namespace Sozialplattform.Engine.Rules;

/// <summary>Date helpers. Dates are "YYYY-MM-DD" strings; today's date comes from the host (server clock, Europe/Berlin).</summary>
public static class DateFunctions
{
    private const string Support = """
        function __date(d) {
          if (typeof d !== 'string') return null;
          var m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(d);
          if (!m) return null;
          var y = +m[1], mo = +m[2], da = +m[3];
          if (mo < 1 || mo > 12 || da < 1 || da > __daysInMonth(y, mo)) return null;
          return { y: y, m: mo, d: da };
        }
        function __daysInMonth(y, m) { return [31, (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]; }
        function __epochDay(p) {
          var y = p.m <= 2 ? p.y - 1 : p.y;
          var era = Math.floor(y / 400), yoe = y - era * 400;
          var doy = Math.floor((153 * (p.m + (p.m > 2 ? -3 : 9)) + 2) / 5) + p.d - 1;
          return era * 146097 + yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy - 719468;
        }
        function __fromEpochDay(z) {
          z += 719468;
          var era = Math.floor(z / 146097), doe = z - era * 146097;
          var yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
          var doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
          var mp = Math.floor((5 * doy + 2) / 153), d = doy - Math.floor((153 * mp + 2) / 5) + 1, m = mp < 10 ? mp + 3 : mp - 9;
          return __iso({ y: yoe + era * 400 + (m <= 2 ? 1 : 0), m: m, d: d });
        }
        function __iso(p) { return String(p.y).padStart(4, '0') + '-' + String(p.m).padStart(2, '0') + '-' + String(p.d).padStart(2, '0'); }
        function __addMonths(p, n) {
          var total = p.y * 12 + (p.m - 1) + n, y = Math.floor(total / 12), m = total - y * 12 + 1;
          return __iso({ y: y, m: m, d: Math.min(p.d, __daysInMonth(y, m)) });
        }
        """;

    public static RuleFunctionRegistry WithDateFunctions(this RuleFunctionRegistry registry) => registry
        .AddSupport(Support)
        .Add(new("dates", "today", "today()", "Today's date (server clock, Europe/Berlin).", "daysBetween(antragsdatum, today()) <= 30",
            "function today() { return __today; }"))
        .Add(new("dates", "age", "age(date)", "Full years from `date` until today; null if `date` is not a date.", "age(geburtsdatum) >= 18",
            "function age(date) { return ageAt(date, today()); }"))
        .Add(new("dates", "ageAt", "ageAt(date, at)", "Full years from `date` until the date `at`.", "ageAt(geburtsdatum, '2026-08-01') >= 6",
            """
            function ageAt(date, at) {
              var b = __date(date), a = __date(at);
              if (!b || !a) return null;
              var years = a.y - b.y;
              if (a.m < b.m || (a.m === b.m && a.d < b.d)) years--;
              return years;
            }
            """))
        .Add(new("dates", "daysBetween", "daysBetween(from, to)", "Days from `from` to `to` (negative if `to` is earlier).", "daysBetween(einzug, auszug) > 0",
            "function daysBetween(from, to) { var a = __date(from), b = __date(to); return a && b ? __epochDay(b) - __epochDay(a) : null; }"))
        .Add(new("dates", "monthsBetween", "monthsBetween(from, to)", "Full months from `from` to `to`.", "monthsBetween(beginn, today()) >= 6",
            """
            function monthsBetween(from, to) {
              var a = __date(from), b = __date(to);
              if (!a || !b) return null;
              var months = (b.y - a.y) * 12 + (b.m - a.m);
              if (months > 0 && b.d < a.d) months--;
              if (months < 0 && b.d > a.d) months++;
              return months;
            }
            """))
        .Add(new("dates", "addDays", "addDays(date, n)", "The date `n` days after `date`.", "addDays(today(), 14)",
            "function addDays(date, n) { var p = __date(date); return p ? __fromEpochDay(__epochDay(p) + Math.trunc(n)) : null; }"))
        .Add(new("dates", "addMonths", "addMonths(date, n)", "The date `n` months after `date` (the 31st becomes the last day of a shorter month).", "addMonths(beginn, 6)",
            "function addMonths(date, n) { var p = __date(date); return p ? __addMonths(p, Math.trunc(n)) : null; }"))
        .Add(new("dates", "addYears", "addYears(date, n)", "The date `n` years after `date` (29 February becomes 28 February).", "addYears(geburtsdatum, 18)",
            "function addYears(date, n) { var p = __date(date); return p ? __addMonths(p, 12 * Math.trunc(n)) : null; }"))
        .Add(new("dates", "year", "year(date)", "The year of `date`.", "year(geburtsdatum) < 1960",
            "function year(date) { var p = __date(date); return p ? p.y : null; }"));
}
