using Sozialplattform.Centres.Accounts;
using Sozialplattform.Centres.Storage;

namespace Sozialplattform.Cli.Commands;

/// <summary><c>sozial centre-account add &lt;login&gt;</c>: a login for centre staff, scoped to centres or to a carrier.</summary>
public sealed class CentreAccountAddCommand(TextReader? input = null) : ICliCommand
{
    public const string PasswordVariable = "SOZIAL_CENTRE_PASSWORD";

    public string Name => "centre-account add";
    public string Summary => "create a login for counselling-centre staff, scoped to centres or a carrier, or for the editorial team (password from stdin or SOZIAL_CENTRE_PASSWORD)";
    public string Usage => $"""
        Usage: sozial centre-account add <login> (--centre <externalId>[,<externalId>…] | --carrier <key> | --editor) [--name <name>] [--email <address>] [--by <who>] [--tenant <id>] [--data <dir>] [--postgres <conn>]

        Creates a login for the staff of counselling centres: --centre keeps the named centres (by external id),
        --carrier makes the carrier's admin, who keeps every centre of that carrier; --editor makes a login of the
        editorial team, who reviews and publishes the centres' changes. Every login sets up its TOTP second factor at
        its first sign-in (/beratungsstellen-verwaltung/de/anmelden). The password (at least
        {CentreAccounts.MinimumPasswordLength} characters) is read from {PasswordVariable}, else from the first line of standard
        input — never from the command line. --email is where the holder is told when the editorial team resets the
        login's second factor; --by names who asked (audit log; default: the system user). The editorial team's page
        /beratungsstellen-verwaltung/de/konten creates staff logins by the same rules.
        {DeliveryCommandSupport.StorageUsage}
        Exit codes: 0 created, 1 refused (login taken or malformed, password too short, malformed e-mail, unknown centre or carrier), 2 usage.
        """;

    public int Run(CliContext context, IReadOnlyList<string> arguments)
    {
        var args = new CliArguments(arguments, new HashSet<string>(DeliveryCommandSupport.StorageOptions) { "--centre", "--carrier", "--name", "--email", "--by", "--tenant" }, new HashSet<string> { "--editor" });
        var login = args.Required(0, "login");
        args.ExpectAtMost(1);
        var centres = (args.Option("--centre") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var carrier = args.Option("--carrier");
        var editor = args.Has("--editor");
        if ((centres.Length > 0 ? 1 : 0) + (carrier is null ? 0 : 1) + (editor ? 1 : 0) != 1) throw new CliUsageException("give one of --centre, --carrier or --editor");
        var password = Environment.GetEnvironmentVariable(PasswordVariable) ?? (input ?? Console.In).ReadLine()
            ?? throw new CliUsageException($"no password: set {PasswordVariable} or write it to standard input");

        var database = CentresDatabase.OpenAsync(DeliveryCommandSupport.Open(context, args)).GetAwaiter().GetResult();
        var tenant = args.Option("--tenant") ?? "nrw";
        var request = new NewCentreAccount(login, args.Option("--name") ?? login, password, editor ? CentreRole.Editor : CentreRole.Staff, carrier, centres, args.Option("--email"));
        var created = new CentreAccounts(database).AddAsync(tenant, request, args.Option("--by") ?? Environment.UserName).GetAwaiter().GetResult();
        if (created.Account is null)
        {
            foreach (var error in created.Errors) context.Error.WriteLine($"sozial centre-account add: {login}: {error}");
            return 1;
        }

        context.Out.WriteLine($"{login}: created {(editor ? "for the editorial team" : carrier is null ? $"for {centres.Length} centre(s)" : $"for every centre of carrier {carrier}")} in tenant {tenant}");
        return 0;
    }
}
