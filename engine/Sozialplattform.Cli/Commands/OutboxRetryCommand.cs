using Sozialplattform.Storage.Outbox;

namespace Sozialplattform.Cli.Commands;

/// <summary><c>sozial outbox retry &lt;delivery-id&gt;</c>: "retry now" for a dead or waiting delivery.</summary>
public sealed class OutboxRetryCommand : ICliCommand
{
    public string Name => "outbox retry";
    public string Summary => "retry a dead or waiting delivery now";
    public string Usage => $"""
        Usage: sozial outbox retry <delivery-id> [--by <operator>] [--data <dir>] [--postgres <conn>]

        Makes the delivery due at once; the running dispatcher picks it up with the same delivery id.
        The retry is written to the audit log (--by names the operator; default: the OS user).
        {DeliveryCommandSupport.StorageUsage}
        Exit codes: 0 scheduled, 1 unknown id or already delivered/being delivered, 2 usage.
        """;

    public int Run(CliContext context, IReadOnlyList<string> arguments)
    {
        var args = new CliArguments(arguments, new HashSet<string>(DeliveryCommandSupport.StorageOptions) { "--by" }, new HashSet<string>());
        var text = args.Required(0, "delivery-id");
        args.ExpectAtMost(1);
        if (!Guid.TryParse(text, out var id)) throw new CliUsageException($"'{text}' is not a delivery id (a UUID)");
        var result = new OutboxStore(DeliveryCommandSupport.Open(context, args)).RetryNowAsync(id, args.Option("--by") ?? Environment.UserName).GetAwaiter().GetResult();
        if (result == RetryNowResult.Scheduled) context.Out.WriteLine($"{id}: due now");
        else context.Error.WriteLine(result == RetryNowResult.NotFound ? $"{id}: no such delivery" : $"{id}: it is delivered or being delivered right now");
        return result == RetryNowResult.Scheduled ? 0 : 1;
    }
}
