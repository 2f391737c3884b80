using Sozialplattform.Storage.Inbox;

namespace Sozialplattform.Cli.Commands;

/// <summary><c>sozial caseworker unlock &lt;login&gt;</c>: ends the login's waits after failed attempts and its sessions (written to the audit log).</summary>
public sealed class CaseworkerUnlockCommand : ICliCommand
{
    public string Name => "caseworker unlock";
    public string Summary => "end the waits of a caseworker login after failed attempts, and its sessions";
    public string Usage => $"""
        Usage: sozial caseworker unlock <login> [--by <operator>] [--data <dir>] [--postgres <conn>]

        Forgets the login's failed attempts (from every client address) and ends its waits at once (otherwise each
        wait ends by itself, at most 15 minutes after the last failure). It also ends every session of the account.
        Waits of a client address over all logins are not touched: they end by themselves.
        The unlock is written to the audit log (--by names the operator; default: the OS user).
        {DeliveryCommandSupport.StorageUsage}
        Exit codes: 0 unlocked, 1 unknown login, 2 usage.
        """;

    public int Run(CliContext context, IReadOnlyList<string> arguments)
    {
        var args = new CliArguments(arguments, new HashSet<string>(DeliveryCommandSupport.StorageOptions) { "--by" }, new HashSet<string>());
        var login = args.Required(0, "login");
        args.ExpectAtMost(1);
        var done = new CaseworkerAccounts(DeliveryCommandSupport.Open(context, args)).UnlockAsync(login, args.Option("--by") ?? Environment.UserName).GetAwaiter().GetResult();
        if (done) context.Out.WriteLine($"{login}: unlocked");
        else context.Error.WriteLine($"sozial caseworker unlock: no login '{login}'");
        return done ? 0 : 1;
    }
}
