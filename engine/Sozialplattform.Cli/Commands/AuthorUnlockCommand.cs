using Sozialplattform.Designer.Accounts;
using Sozialplattform.Storage.Logins;

namespace Sozialplattform.Cli.Commands;

/// <summary><c>sozial author unlock &lt;login&gt;</c>: the designer's counterpart of <c>caseworker unlock</c> (waits and sessions end, audited).</summary>
public sealed class AuthorUnlockCommand : ICliCommand
{
    public string Name => "author unlock";
    public string Summary => "end the waits of a designer author after failed logins, and the author's sessions";
    public string Usage => $"""
        Usage: sozial author unlock <login> [--by <operator>] [--data <dir>] [--postgres <conn>] [--authors <dir>]

        Forgets the author's failed logins (from every client address) and ends the waits at once (otherwise each
        ends by itself, at most 15 minutes after the last failure); gives the author a new security stamp, which ends
        every session on every host at its next request. Written to the platform's audit log (--by names the
        operator; default: the OS user).
        {AuthorStoreOption.Usage}
        Exit codes: 0 unlocked, 1 unknown author, 2 usage.
        """;

    public int Run(CliContext context, IReadOnlyList<string> arguments)
    {
        var args = new CliArguments(arguments, new HashSet<string>(AuthorStoreOption.Options) { "--by" }, new HashSet<string>());
        var login = args.Required(0, "login");
        args.ExpectAtMost(1);
        var (store, where) = AuthorStoreOption.Open(context, args);
        if (!new AuthorAccounts(store).RenewStamp(login))
        {
            context.Error.WriteLine($"sozial author unlock: no author '{login}' in {where}");
            return 1;
        }

        new LoginProtection(DeliveryCommandSupport.Open(context, args)).ReleaseAsync(LoginArea.Designer, login, args.Option("--by") ?? Environment.UserName)
            .GetAwaiter().GetResult();
        context.Out.WriteLine($"{login}: unlocked");
        return 0;
    }
}
