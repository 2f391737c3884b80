using Microsoft.EntityFrameworkCore;
using Sozialplattform.Delivery.Tests.Infrastructure;
using Sozialplattform.Delivery.Tests.Outbox;
using Sozialplattform.Storage.Submissions;

namespace Sozialplattform.Delivery.Tests.Storage;

/// <summary>"Mein Konto"'s storage on SQLite and PostgreSQL: rows are found only with their owner's pseudonym, which is stored only as a blind index.</summary>
public abstract class AccountStoreTests(DatabaseTarget target)
{
    private const string Tenant = "nrw";
    private const string Erika = "pseudonym-erika";
    private const string Max = "pseudonym-max";

    [SkippableFact]
    public async Task Drafts_and_submissions_are_listed_only_for_their_owner_and_the_pseudonym_is_not_stored()
    {
        var harness = await OutboxHarness.StartAsync(target);
        var drafts = new DraftStore(harness.Database, harness.Clock);
        var account = new AccountStore(harness.Database);
        var (owned, secret) = await drafts.CreateAsync(Tenant, "wohngeld", "1.0.0", "hash", "{}");
        (await drafts.SaveAsync(owned, secret, "{}", Erika)).ShouldBeTrue();
        var (anonymous, _) = await drafts.CreateAsync(Tenant, "wohngeld", "1.0.0", "hash", "{}");
        var sent = await new SubmissionStore(harness.Database, harness.Clock).AcceptAsync(Samples.Submission("owned") with { TenantId = Tenant, OwnerPseudonym = Erika }, [new("a", "inbox")]);

        (await account.DraftsAsync(Tenant, Erika)).Select(d => d.DraftId).ShouldBe([owned]);
        (await account.DraftsAsync(Tenant, Max)).ShouldBeEmpty();
        (await account.DraftsAsync("other-tenant", Erika)).ShouldBeEmpty();
        (await account.SubmissionsAsync(Tenant, Erika)).ShouldBe([new OwnedSubmission(sent.Submission.ReferenceNumber, sent.StatusSecret)]);
        (await account.SubmissionsAsync(Tenant, Max)).ShouldBeEmpty();
        await using var context = harness.Database.CreateContext();
        (await context.Drafts.SingleAsync(d => d.Id == owned)).OwnerToken.ShouldNotBeNull().ShouldNotContain(Erika);
        (await context.Drafts.SingleAsync(d => d.Id == anonymous)).OwnerToken.ShouldBeNull();
    }

    [SkippableFact]
    public async Task The_owner_secret_opens_only_an_owned_draft_and_deleting_needs_the_owner()
    {
        var harness = await OutboxHarness.StartAsync(target);
        var drafts = new DraftStore(harness.Database, harness.Clock);
        var account = new AccountStore(harness.Database);
        var (owned, secret) = await drafts.CreateAsync(Tenant, "wohngeld", "1.0.0", "hash", """{"a":1}""");
        await drafts.SaveAsync(owned, secret, """{"a":1}""", Erika);
        var (anonymous, _) = await drafts.CreateAsync(Tenant, "wohngeld", "1.0.0", "hash", "{}");
        await drafts.AddAttachmentAsync(owned, secret, "nachweis", "a.pdf", "application/pdf", [1, 2, 3]);

        (await account.DraftSecretAsync(Tenant, owned, Max)).ShouldBeNull();
        var ownerSecret = (await account.DraftSecretAsync(Tenant, owned, Erika)).ShouldNotBeNull();
        ownerSecret.ShouldNotBe(secret);
        (await drafts.LoadAsync(owned, ownerSecret)).ShouldNotBeNull().AnswersJson.ShouldBe("""{"a":1}""");
        (await drafts.LoadAsync(owned, secret)).ShouldNotBeNull("the resume link stays valid");
        (await drafts.LoadAsync(anonymous, AccountOwner.DraftSecret(harness.Database.Protector, anonymous))).ShouldBeNull("a draft without an owner opens only with its own secret");

        (await account.DeleteDraftAsync(Tenant, owned, Max)).ShouldBeFalse();
        (await drafts.LoadAsync(owned, secret)).ShouldNotBeNull();
        (await account.DeleteDraftAsync(Tenant, owned, Erika)).ShouldBeTrue();
        (await drafts.LoadAsync(owned, secret)).ShouldBeNull();
        await using var context = harness.Database.CreateContext();
        (await context.Attachments.CountAsync(a => a.DraftId == owned)).ShouldBe(0, "the draft's uploads go with it");
    }
}

public sealed class AccountStoreSqliteTests(SqliteTarget target) : AccountStoreTests(target), IClassFixture<SqliteTarget>;

public sealed class AccountStorePostgresTests(PostgresTarget target) : AccountStoreTests(target), IClassFixture<PostgresTarget>;
