using Microsoft.EntityFrameworkCore;
using Sozialplattform.Counselling.Conversations;
using Sozialplattform.Counselling.Seekers;
using Sozialplattform.Counselling.Storage;
using Sozialplattform.Delivery.Tests.Infrastructure;
using Sozialplattform.Storage.Crypto;

namespace Sozialplattform.Counselling.Tests.Infrastructure;

/// <summary>
/// The counselling's storage on an empty, migrated database: two centres (A and B), a counsellor and a lead of A, a
/// counsellor of B — as the web builds them from the centres' accounts and <see cref="CounsellingTeam"/>.
/// </summary>
public sealed class CounsellingScenario
{
    public static readonly Guid CentreA = Guid.Parse("0000000a-0000-0000-0000-000000000001");
    public static readonly Guid CentreB = Guid.Parse("0000000b-0000-0000-0000-000000000002");
    public const string Password = "Lange-Nacht-am-Rhein";

    private CounsellingScenario(CounsellingDatabase database, TimeProvider? clock)
    {
        Database = database;
        Store = new ConversationStore(database, clock);
        Accounts = new SeekerAccounts(database, new FastHasher());
        Seekers = new SeekerConversations(Store);
        Absences = new CounsellingAbsences(database, clock);
        Desk = new CounsellorDesk(Store, Absences);
        Team = new CounsellingTeam(database, clock);
    }

    public CounsellingDatabase Database { get; }
    public ConversationStore Store { get; }
    public SeekerAccounts Accounts { get; }
    public SeekerConversations Seekers { get; }
    public CounsellorDesk Desk { get; }
    public CounsellingTeam Team { get; }
    public CounsellingAbsences Absences { get; }

    public Counsellor Anna { get; } = new(Guid.NewGuid(), "anna", new Dictionary<Guid, TeamRole> { [CentreA] = TeamRole.Counsellor });
    public Counsellor Arne { get; } = new(Guid.NewGuid(), "arne", new Dictionary<Guid, TeamRole> { [CentreA] = TeamRole.Counsellor });
    public Counsellor Lea { get; } = new(Guid.NewGuid(), "lea", new Dictionary<Guid, TeamRole> { [CentreA] = TeamRole.Lead });
    public Counsellor Bernd { get; } = new(Guid.NewGuid(), "bernd", new Dictionary<Guid, TeamRole> { [CentreB] = TeamRole.Counsellor });

    /// <summary>The counselling's tables emptied (the shared PostgreSQL target empties only the platform's own).</summary>
    public static async Task<CounsellingScenario> CreateAsync(DatabaseTarget target, TimeProvider? clock = null)
    {
        var database = await CounsellingDatabase.OpenAsync(await target.FreshAsync());
        await using (var context = database.CreateContext())
        {
            await context.VideoCalls.ExecuteDeleteAsync();
            await context.Attachments.ExecuteDeleteAsync();
            await context.Messages.ExecuteDeleteAsync();
            await context.Conversations.ExecuteDeleteAsync();
            await context.Seekers.ExecuteDeleteAsync();
            await context.Team.ExecuteDeleteAsync();
            await context.Absences.ExecuteDeleteAsync();
            await context.CentreSettings.ExecuteDeleteAsync();
            await context.TextBlocks.ExecuteDeleteAsync();
        }

        return new CounsellingScenario(database, clock);
    }

    public async Task<Registration> SeekerAsync(string pseudonym = "Nachtfalter", string? email = null)
    {
        var (registration, errors) = await Accounts.RegisterAsync("test", pseudonym, Password, email, "de");
        errors.ShouldBeEmpty();
        return registration!;
    }

    /// <summary>An enquiry of a new seeker to centre A.</summary>
    public async Task<(Registration Seeker, Guid ConversationId)> EnquiryAsync(string pseudonym = "Nachtfalter", string text = "Ich habe Schulden und weiß nicht weiter.")
    {
        var seeker = await SeekerAsync(pseudonym);
        var outcome = await Seekers.StartAsync(seeker.Seeker, CentreA, "schuldnerberatung", text);
        outcome.Result.ShouldBe(StepResult.Done);
        return (seeker, outcome.ConversationId);
    }

    public async Task<IReadOnlyList<(string Actor, string Action, string? Details)>> AuditAsync()
    {
        await using var context = Database.Platform.CreateContext();
        return [.. context.AuditLog.OrderBy(a => a.Id).Select(a => new { a.Actor, a.Action, a.Details }).AsEnumerable().Select(a => (a.Actor, a.Action, a.Details))];
    }

    /// <summary>The platform's hashing with few iterations: the storage tests are about storage, not about hash cost.</summary>
    private sealed class FastHasher : PasswordHasher
    {
        public override string Hash(string password) => PasswordHashing.Hash(password, 1_000);
    }
}
