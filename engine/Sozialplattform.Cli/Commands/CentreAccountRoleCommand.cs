using Sozialplattform.Centres.Accounts;
using Sozialplattform.Centres.Storage;
using Sozialplattform.Counselling.Conversations;
using Sozialplattform.Counselling.Storage;

namespace Sozialplattform.Cli.Commands;

/// <summary>
/// <c>sozial centre-account role &lt;login&gt; --centre &lt;externalId&gt; (--counsellor | --lead | --data-protection | --none)</c>: the online
/// counselling's role of a staff account in a centre it keeps — what the centre's admin does on the desk's "Team und
/// Rollen" page, for operators (audited with the actor <c>operator</c>).
/// </summary>
public sealed class CentreAccountRoleCommand : ICliCommand
{
    public string Name => "centre-account role";
    public string Summary => "grant or withdraw a centre staff login's role in the centre's online counselling (counsellor or lead)";
    public string Usage => $"""
        Usage: sozial centre-account role <login> --centre <externalId> (--counsellor | --lead | --data-protection | --none) [--tenant <id>] [--data <dir>] [--postgres <conn>]

        Gives a staff login that keeps the centre the role of a counsellor (takes enquiries from the centre's pool and
        reads the conversations it took), of a lead (reads every conversation of the centre) or of the data-protection
        officer (reads the centre's access log only) in the centre's online counselling; --none withdraws it. The carrier's admin is always a lead and needs no role. The change is in the
        audit log (counselling.team.granted|withdrawn, actor operator).
        {DeliveryCommandSupport.StorageUsage}
        Exit codes: 0 changed or unchanged, 1 refused (unknown centre, login does not keep the centre), 2 usage.
        """;

    public int Run(CliContext context, IReadOnlyList<string> arguments)
    {
        var args = new CliArguments(arguments, new HashSet<string>(DeliveryCommandSupport.StorageOptions) { "--centre", "--tenant" }, new HashSet<string> { "--counsellor", "--lead", "--data-protection", "--none" });
        var login = args.Required(0, "login");
        args.ExpectAtMost(1);
        var externalId = args.Option("--centre") ?? throw new CliUsageException("give the centre with --centre <externalId>");
        var choices = new (string Option, TeamRole? Role)[]
        {
            ("--counsellor", TeamRole.Counsellor), ("--lead", TeamRole.Lead), ("--data-protection", TeamRole.DataProtection), ("--none", null),
        }.Where(c => args.Has(c.Option)).ToList();
        if (choices.Count != 1) throw new CliUsageException("give one of --counsellor, --lead, --data-protection or --none");
        var role = choices[0].Role;
        var tenant = args.Option("--tenant") ?? "nrw";

        var platform = DeliveryCommandSupport.Open(context, args);
        var centres = CentresDatabase.OpenAsync(platform).GetAwaiter().GetResult();
        var centre = new CentreStore(centres).AllAsync(tenant).GetAwaiter().GetResult().FirstOrDefault(c => c.ExternalId == externalId);
        if (centre is null) return Refuse(context, login, $"no centre with the external id {externalId} in tenant {tenant}");
        var account = new CentreAccounts(centres).KeepersAsync(centre).GetAwaiter().GetResult().FirstOrDefault(a => a.Login == login);
        if (account is null) return Refuse(context, login, $"no staff login {login} keeps the centre {externalId}");
        if (account.CarrierKey is not null) return Refuse(context, login, "the carrier's admin is always a lead and has no role to set");

        var team = new CounsellingTeam(CounsellingDatabase.OpenAsync(platform).GetAwaiter().GetResult());
        var changed = team.GrantAsync(null, account.Id, account.Login, centre.Id, role).GetAwaiter().GetResult();
        var what = role is { } granted ? $"{TeamRoleName(granted)} of" : "no role in";
        context.Out.WriteLine($"{login}: {(changed ? "now" : "already")} {what} the online counselling of {externalId}");
        return 0;
    }

    private static string TeamRoleName(TeamRole role) => role == TeamRole.DataProtection ? "data protection" : role.ToString().ToLowerInvariant();

    private static int Refuse(CliContext context, string login, string reason)
    {
        context.Error.WriteLine($"sozial centre-account role: {login}: {reason}");
        return 1;
    }
}
