using Sozialplattform.Designer.Accounts;
using Sozialplattform.Storage.Logins;

namespace Sozialplattform.Cli.Commands;

/// <summary><c>sozial author unlock &lt;login&gt;</c>: the designer's counterpart of <c>caseworker unlock</c> (waits and sessions end, audited).</summary>
public sealed class AuthorUnlockCommand : ICliCommand
{
    public string Name => "author unlock";
    public string Summary => "end the waits of a designer author after failed logins, and the author's sessions";
    public string Usage => $"""
        Usage: sozial author unlock <login> [--by <operator>] [--authors <dir>] [--data <dir>] [--postgres <conn>]

        Forgets the author's failed logins (from every client address) and ends the waits at once (otherwise each
        ends by itself, at most 15 minutes after the last failure); gives the author a new security stamp in
        <dir>/authors.json (--authors, default: data/designer), which ends every session. Written to the platform's
        audit log (--by names the operator; default: the OS user).
        {DeliveryCommandSupport.StorageUsage}
        Exit codes: 0 unlocked, 1 unknown author, 2 usage.
        """;

    public int Run(CliContext context, IReadOnlyList<string> arguments)
    {
        var args = new CliArguments(arguments, new HashSet<string>(DeliveryCommandSupport.StorageOptions) { "--by", "--authors" }, new HashSet<string>());
        var login = args.Required(0, "login");
        args.ExpectAtMost(1);
        var file = Path.Combine(context.FullPath(args.Option("--authors") ?? Path.Combine("data", "designer")), "authors.json");
        if (!new AuthorAccounts(file).RenewStamp(login))
        {
            context.Error.WriteLine($"sozial author unlock: no author '{login}' in {file}");
            return 1;
        }

        new LoginProtection(DeliveryCommandSupport.Open(context, args)).ReleaseAsync(LoginArea.Designer, login, args.Option("--by") ?? Environment.UserName)
            .GetAwaiter().GetResult();
        context.Out.WriteLine($"{login}: unlocked");
        return 0;
    }
}
