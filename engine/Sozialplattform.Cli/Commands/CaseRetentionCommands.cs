using System.Globalization;
using System.Text;
using System.Text.Json;
using Sozialplattform.Delivery.Tenants;
using Sozialplattform.Storage.Cases;

namespace Sozialplattform.Cli.Commands;

/// <summary>
/// <c>sozial case deletions</c>: the tenant's deletion log (reference, service, dates, who approved), optionally for a
/// period; <c>sozial case due</c>: the closed cases whose retention period ran out and that carry no hold (what the next
/// run of the retention job deletes). Both as a table, CSV or JSON; nothing of the applicants is in either.
/// </summary>
public sealed class CaseDeletionsCommand : ICliCommand
{
    public string Name => "case deletions";
    public string Summary => "list the deletion log of closed cases deleted after their retention period (table, CSV or JSON)";
    public string Usage => $"""
        Usage: sozial case deletions --tenant <id> [--from <yyyy-mm-dd>] [--to <yyyy-mm-dd>] [--format table|csv|json] [--limit <n>] [--data <dir>] [--postgres <conn>]

        Lists the tenant's deletion log, newest first (docs/CASES.md, "Retention"): reference number, service (form id
        and version), authority, submitted, closed and deleted at (UTC), the period in days and who approved. --from and
        --to limit it to deletions on or after --from and before --to (days, UTC). Default limit 10,000.
        {DeliveryCommandSupport.StorageUsage}
        Exit codes: 0 listed (also none), 2 usage.
        """;

    public int Run(CliContext context, IReadOnlyList<string> arguments)
    {
        var args = new CliArguments(arguments, new HashSet<string>(DeliveryCommandSupport.StorageOptions) { "--tenant", "--from", "--to", "--format", "--limit" }, new HashSet<string>());
        args.ExpectAtMost(0);
        var tenant = args.Option("--tenant") ?? throw new CliUsageException("--tenant is required");
        var format = RetentionOutput.Format(args);
        var from = RetentionOutput.Day(args, "--from");
        var to = RetentionOutput.Day(args, "--to");
        var limit = RetentionOutput.Limit(args);
        var log = new CaseRetention(DeliveryCommandSupport.Open(context, args)).LogAsync(tenant, limit, from, to).GetAwaiter().GetResult();
        RetentionOutput.Write(context.Out, format,
            ["reference", "form", "version", "authority", "submitted", "closed", "deleted", "retentionDays", "approvedBy"],
            log.Select(d => new object?[] { d.ReferenceNumber, d.FormId, d.FormVersion, d.AuthorityId, d.SubmittedAt, d.ClosedAt, d.DeletedAt, d.RetentionDays, d.ApprovedBy }).ToList());
        return 0;
    }
}

/// <summary><c>sozial case due</c>: the closed cases of a tenant that the retention job would delete now.</summary>
public sealed class CaseDueCommand : ICliCommand
{
    public string Name => "case due";
    public string Summary => "list the closed cases past their retention period without a legal hold (what the retention job deletes next)";
    public string Usage => $"""
        Usage: sozial case due --tenant <id> [--tenants <dir>] [--format table|csv|json] [--limit <n>] [--data <dir>] [--postgres <conn>]

        Lists the tenant's closed cases whose retention period (caseRetention in the tenant's tenant.json under --tenants,
        default forms-catalog/tenants) ran out and that carry no legal hold, oldest closing first: reference number,
        service, submitted and closed at (UTC), the period and the day it ran out. Cases on hold are not listed; a lead
        sees them on the inbox page /posteingang/aufbewahrung. Default limit 10,000.
        {DeliveryCommandSupport.StorageUsage}
        Exit codes: 0 listed (also none), 1 the tenant's configuration cannot be read, 2 usage.
        """;

    public int Run(CliContext context, IReadOnlyList<string> arguments)
    {
        var args = new CliArguments(arguments, new HashSet<string>(DeliveryCommandSupport.StorageOptions) { "--tenant", "--tenants", "--format", "--limit" }, new HashSet<string>());
        args.ExpectAtMost(0);
        var tenant = args.Option("--tenant") ?? throw new CliUsageException("--tenant is required");
        var format = RetentionOutput.Format(args);
        var limit = RetentionOutput.Limit(args);
        var folder = context.FullPath(Path.Combine(args.Option("--tenants") ?? "forms-catalog/tenants", tenant));
        var read = TenantFolderReader.Read(folder);
        if (read.Configuration is not { } configuration)
        {
            context.Error.WriteLine($"sozial case due: the configuration of tenant '{tenant}' in {folder} cannot be read");
            return 1;
        }

        var due = new CaseRetention(DeliveryCommandSupport.Open(context, args)).DueAsync(tenant, configuration.Settings.CaseRetention, limit).GetAwaiter().GetResult();
        RetentionOutput.Write(context.Out, format,
            ["reference", "form", "version", "submitted", "closed", "retentionDays", "dueSince"],
            due.Select(d => new object?[] { d.ReferenceNumber, d.FormId, d.FormVersion, d.SubmittedAt, d.ClosedAt, d.RetentionDays, d.ClosedAt.AddDays(d.RetentionDays) }).ToList());
        return 0;
    }
}

/// <summary>The options and the three output formats the retention commands share.</summary>
internal static class RetentionOutput
{
    public static string Format(CliArguments args)
    {
        var format = args.Option("--format") ?? "table";
        return format is "table" or "csv" or "json" ? format : throw new CliUsageException($"--format must be table, csv or json, not '{format}'");
    }

    public static int Limit(CliArguments args) => args.Option("--limit") is not { } text ? 10_000
        : int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var limit) && limit > 0 ? limit
        : throw new CliUsageException($"--limit must be a positive whole number, not '{text}'");

    public static DateTime? Day(CliArguments args, string option) => args.Option(option) is not { } text ? null
        : DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc)
        : throw new CliUsageException($"{option} must be a day as yyyy-mm-dd, not '{text}'");

    public static void Write(TextWriter output, string format, string[] columns, IReadOnlyList<object?[]> rows)
    {
        switch (format)
        {
            case "json":
                var objects = rows.Select(row => columns.Zip(row).ToDictionary(c => c.First, c => c.Second)).ToList();
                output.WriteLine(JsonSerializer.Serialize(objects, new JsonSerializerOptions { WriteIndented = true }));
                break;
            case "csv":
                output.WriteLine(string.Join(',', columns));
                foreach (var row in rows) output.WriteLine(string.Join(',', row.Select(v => Csv(Text(v)))));
                break;
            default:
                if (rows.Count == 0)
                {
                    output.WriteLine("(none)");
                    return;
                }

                var cells = rows.Select(row => row.Select(Text).ToArray()).ToList();
                var widths = columns.Select((c, i) => Math.Max(c.Length, cells.Max(r => r[i].Length))).ToArray();
                output.WriteLine(string.Join("  ", columns.Select((c, i) => c.PadRight(widths[i]))).TrimEnd());
                foreach (var row in cells) output.WriteLine(string.Join("  ", row.Select((v, i) => v.PadRight(widths[i]))).TrimEnd());
                break;
        }
    }

    private static string Text(object? value) => value switch
    {
        null => "",
        DateTime at => at.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
        IFormattable number => number.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    /// <summary>A CSV field: quoted when it holds a separator, quote or line break; a leading =, +, - or @ is prefixed with ' so that spreadsheets do not run it.</summary>
    private static string Csv(string value)
    {
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@') value = "'" + value;
        return value.IndexOfAny([',', '"', '\n', '\r']) < 0 ? value : "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }
}
