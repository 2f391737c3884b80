using Sozialplattform.Storage.Logins;

namespace Sozialplattform.Cli.Commands;

/// <summary>
/// <c>sozial caseworker reset-2fa &lt;login&gt;</c> and <c>sozial author reset-2fa &lt;login&gt;</c>: removes the login's
/// TOTP second factor (a lost or replaced phone); at the next login the account enrols again. Audited.
/// </summary>
public sealed class SecondFactorResetCommand(string noun, LoginArea area) : ICliCommand
{
    public static readonly SecondFactorResetCommand Caseworker = new("caseworker", LoginArea.Inbox);
    public static readonly SecondFactorResetCommand Author = new("author", LoginArea.Designer);

    public string Name => $"{noun} reset-2fa";
    public string Summary => $"remove the second factor (TOTP) of a {noun} login; the next login enrols a new one";
    public string Usage => $"""
        Usage: sozial {noun} reset-2fa <login> [--by <operator>] [--data <dir>] [--postgres <conn>]

        Removes the login's authenticator secret and its recovery codes (for a lost or replaced phone). The password
        stays; at the next login the {noun} scans a new QR code and gets new recovery codes. Check who asks before
        you reset: whoever knows the password can then enrol their own phone.
        Written to the audit log (--by names the operator; default: the OS user).
        {DeliveryCommandSupport.StorageUsage}
        Exit codes: 0 reset, 1 the login has no second factor, 2 usage.
        """;

    public int Run(CliContext context, IReadOnlyList<string> arguments)
    {
        var args = new CliArguments(arguments, new HashSet<string>(DeliveryCommandSupport.StorageOptions) { "--by" }, new HashSet<string>());
        var login = args.Required(0, "login");
        args.ExpectAtMost(1);
        var database = DeliveryCommandSupport.Open(context, args);
        var done = new SecondFactors(database, new LoginProtection(database)).ResetAsync(area, login, args.Option("--by") ?? Environment.UserName).GetAwaiter().GetResult();
        if (done) context.Out.WriteLine($"{login}: second factor removed; the next login enrols a new one");
        else context.Error.WriteLine($"sozial {noun} reset-2fa: '{login}' has no second factor");
        return done ? 0 : 1;
    }
}
