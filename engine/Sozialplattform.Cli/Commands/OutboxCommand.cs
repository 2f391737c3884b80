using Sozialplattform.Storage.Entities;
using Sozialplattform.Storage.Outbox;

namespace Sozialplattform.Cli.Commands;

/// <summary><c>sozial outbox</c>: the deliveries and their state, for operators (dead letters with <c>--status dead</c>).</summary>
public sealed class OutboxCommand : ICliCommand
{
    public string Name => "outbox";
    public string Summary => "list deliveries (e.g. the dead letters) with attempts and last error";
    public string Usage => $"""
        Usage: sozial outbox [--status pending|delivering|delivered|dead] [--take <n>] [--data <dir>] [--postgres <conn>]

        Lists outbox entries, newest first: delivery id, state, attempts, next attempt, authority, channel,
        last error. Retry a dead or waiting one with 'sozial outbox retry <delivery-id>'.
        {DeliveryCommandSupport.StorageUsage}
        Exit codes: 0 listed, 2 usage error.
        """;

    public int Run(CliContext context, IReadOnlyList<string> arguments)
    {
        var args = new CliArguments(arguments, new HashSet<string>(DeliveryCommandSupport.StorageOptions) { "--status", "--take" }, new HashSet<string>());
        args.ExpectAtMost(0);
        OutboxStatus? status = args.Option("--status") is { } text
            ? Enum.TryParse<OutboxStatus>(text, ignoreCase: true, out var parsed) ? parsed : throw new CliUsageException($"--status must be pending, delivering, delivered or dead, not '{text}'")
            : null;
        var take = int.TryParse(args.Option("--take") ?? "50", out var n) && n > 0 ? n : throw new CliUsageException("--take needs a positive number");

        var outbox = new OutboxStore(DeliveryCommandSupport.Open(context, args));
        var counts = outbox.CountByStatusAsync().GetAwaiter().GetResult();
        context.Out.WriteLine(string.Join(", ", Enum.GetValues<OutboxStatus>().Select(s => $"{s.ToString().ToLowerInvariant()} {counts.GetValueOrDefault(s)}")));
        foreach (var entry in outbox.ListAsync(status, take).GetAwaiter().GetResult())
            context.Out.WriteLine($"{entry.Id}  {entry.Status.ToString().ToLowerInvariant(),-10} attempts {entry.Attempts}  next {entry.NextAttemptAt:yyyy-MM-dd HH:mm:ss}Z  {entry.AuthorityId} ({entry.Channel}){(entry.LastError is null ? "" : $"  {entry.LastError}")}");
        return 0;
    }
}
