using Sozialplattform.Storage.Entities;
using Sozialplattform.Storage.Inbox;

namespace Sozialplattform.Cli.Commands;

/// <summary>
/// <c>sozial caseworker add</c>: a local login for the authority inbox (a caseworker or lead at one authority, or with
/// <c>--operator</c> an operator of the whole tenant, who sees only the operations page). The password never stands on the command
/// line (it would end up in the shell history and the process list): it is read from the environment variable
/// <c>SOZIAL_CASEWORKER_PASSWORD</c>, else from the first line of standard input.
/// </summary>
public sealed class CaseworkerAddCommand(TextReader? input = null) : ICliCommand
{
    public const string PasswordVariable = "SOZIAL_CASEWORKER_PASSWORD";

    public string Name => "caseworker add";
    public string Summary => "create a caseworker or operator login for the authority inbox (password from stdin or SOZIAL_CASEWORKER_PASSWORD)";
    public string Usage => $"""
        Usage: sozial caseworker add <login> --authority <id> [--tenant <id>] [--name "<display name>"] [--lead]
               sozial caseworker add <login> --operator [--tenant <id>] [--name "<display name>"]
                                     [--tenants <folder>] [--data <dir>] [--postgres <conn>]

        Creates a login for the inbox at /posteingang: one role at one authority, or an operator of a tenant.
        The tenant configuration is loaded first (as the host does at start), so the authority must exist in it.
          --authority <id>    the authority (authorities.json) whose submissions the caseworker sees
          --tenant <id>       its tenant (default: nrw)
          --name <text>       name shown in the inbox (default: the login)
          --lead              team lead: may also read a submission's audit trail
          --operator          operator ("Betrieb") of the whole tenant, bound to no authority: sees only the
                              operations page /posteingang/betrieb (deliveries that need attention, "retry now"),
                              never submissions; takes no --authority
          --tenants <folder>  tenant folders (default: forms-catalog/tenants)
        The password (at least {CaseworkerAccounts.MinimumPasswordLength} characters) is read from the environment variable
        {PasswordVariable}, else from the first line of standard input — never from the command line.
        {DeliveryCommandSupport.StorageUsage}
        Exit codes: 0 created, 1 refused (unknown authority or tenant, login taken, password too short), 2 usage.
        """;

    public int Run(CliContext context, IReadOnlyList<string> arguments)
    {
        var args = new CliArguments(arguments, new HashSet<string>(DeliveryCommandSupport.StorageOptions) { "--authority", "--tenant", "--name", "--tenants" }, new HashSet<string> { "--lead", "--operator" });
        var login = args.Required(0, "login");
        args.ExpectAtMost(1);
        var isOperator = args.Has("--operator");
        if (isOperator && args.Option("--authority") is not null) throw new CliUsageException("--operator takes no --authority: an operator sees the deliveries of the whole tenant");
        if (isOperator && args.Has("--lead")) throw new CliUsageException("--operator and --lead exclude each other");
        var authority = isOperator ? CaseworkerAccount.NoAuthority : args.Option("--authority") ?? throw new CliUsageException("--authority <id> is required (or --operator)");
        var role = isOperator ? CaseworkerRole.Operator : args.Has("--lead") ? CaseworkerRole.Lead : CaseworkerRole.Caseworker;
        var password = Environment.GetEnvironmentVariable(PasswordVariable) ?? (input ?? Console.In).ReadLine()
            ?? throw new CliUsageException($"no password: set {PasswordVariable} or write it to standard input");

        var database = DeliveryCommandSupport.Open(context, args);
        if (!DeliveryCommandSupport.LoadTenants(context, database, args.Option("--tenants") ?? "forms-catalog/tenants")) return 1;
        try
        {
            var account = new CaseworkerAccounts(database).CreateAsync(login, args.Option("--name") ?? login, password, args.Option("--tenant") ?? "nrw", authority, role)
                .GetAwaiter().GetResult();
            context.Out.WriteLine($"{account.Login}: {account.Role.ToString().ToLowerInvariant()} at {CaseworkerAccounts.Place(account.TenantId, account.AuthorityId)}");
            return 0;
        }
        catch (ArgumentException refused)
        {
            context.Error.WriteLine($"sozial caseworker add: {refused.Message.Split(" (Parameter")[0]}");
            return 1;
        }
    }
}
