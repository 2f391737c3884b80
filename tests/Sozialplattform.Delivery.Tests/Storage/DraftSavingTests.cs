using Microsoft.EntityFrameworkCore;
using Sozialplattform.Delivery.Tests.Infrastructure;
using Sozialplattform.Storage.Submissions;

namespace Sozialplattform.Delivery.Tests.Storage;

/// <summary>Saving a draft is one statement whose condition checks the secret: the resume link's, or the owner's once the draft has an owner.</summary>
public abstract class DraftSavingTests(DatabaseTarget target)
{
    [SkippableFact]
    public async Task A_draft_is_saved_only_with_its_resume_secret_or_once_it_has_an_owner_with_the_owners_secret()
    {
        var database = await target.FreshAsync();
        var drafts = new DraftStore(database);
        var (draftId, secret) = await drafts.CreateAsync(Samples.Tenant, "wohngeld", "1.0.0", "hash", """{"a":0}""");
        var ownersSecret = AccountOwner.DraftSecret(database.Protector, draftId);

        (await drafts.SaveAsync(draftId, "not-the-secret", """{"a":1}""")).ShouldBeFalse();
        (await drafts.SaveAsync(draftId, ownersSecret, """{"a":2}""")).ShouldBeFalse("a draft without an owner opens only with its own secret");
        (await drafts.SaveAsync(Guid.NewGuid(), secret, """{"a":3}""")).ShouldBeFalse();
        (await drafts.LoadAsync(draftId, secret)).ShouldNotBeNull().AnswersJson.ShouldBe("""{"a":0}""", "a refused save changes nothing");

        (await drafts.SaveAsync(draftId, secret, """{"a":4}""", ownerPseudonym: "pseudonym-erika")).ShouldBeTrue();
        (await drafts.SaveAsync(draftId, ownersSecret, """{"a":5}""")).ShouldBeTrue();
        (await drafts.LoadAsync(draftId, secret)).ShouldNotBeNull().AnswersJson.ShouldBe("""{"a":5}""");
        await using var context = database.CreateContext();
        (await context.Drafts.SingleAsync(d => d.Id == draftId)).OwnerToken.ShouldBe(AccountOwner.Token(database.Protector, "pseudonym-erika"), "a save without a pseudonym keeps the owner");
    }

    [SkippableFact]
    public async Task A_save_changes_only_its_own_draft_and_moves_its_last_change()
    {
        var clock = new ManualClock(new DateTimeOffset(2026, 10, 1, 8, 0, 0, TimeSpan.Zero));
        var database = await target.FreshAsync();
        var drafts = new DraftStore(database, clock);
        var (mine, mySecret) = await drafts.CreateAsync(Samples.Tenant, "wohngeld", "1.0.0", "hash", "{}");
        var (other, otherSecret) = await drafts.CreateAsync(Samples.Tenant, "wohngeld", "1.0.0", "hash", """{"b":1}""");
        clock.Advance(TimeSpan.FromHours(2));

        (await drafts.SaveAsync(mine, mySecret, """{"a":1}""")).ShouldBeTrue();
        (await drafts.SaveAsync(other, mySecret, """{"a":1}""")).ShouldBeFalse("one draft's secret never opens another");

        (await drafts.LoadAsync(other, otherSecret)).ShouldNotBeNull().AnswersJson.ShouldBe("""{"b":1}""");
        var saved = (await drafts.LoadAsync(mine, mySecret)).ShouldNotBeNull().Draft;
        saved.UpdatedAt.ShouldBe(clock.GetUtcNow().UtcDateTime);
        saved.CreatedAt.ShouldBe(clock.GetUtcNow().UtcDateTime.AddHours(-2));
    }
}

public sealed class DraftSavingSqliteTests(SqliteTarget target) : DraftSavingTests(target), IClassFixture<SqliteTarget>;

public sealed class DraftSavingPostgresTests(PostgresTarget target) : DraftSavingTests(target), IClassFixture<PostgresTarget>;
