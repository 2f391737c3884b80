using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenIddict.Abstractions;
using Sozialplattform.Delivery.Tests.Infrastructure;
using Sozialplattform.Delivery.Tests.Outbox;
using Sozialplattform.Storage.ApiClients;
using Sozialplattform.Storage.Cases;
using Sozialplattform.Storage.Inbox;

namespace Sozialplattform.Delivery.Tests.Storage;

/// <summary>The case API's storage on SQLite and PostgreSQL: the list by change with its keyset cursor, acknowledgement, and the clients in OpenIddict's tables.</summary>
public abstract class CaseFeedStorageTests(DatabaseTarget target)
{
    [SkippableFact]
    public async Task The_list_pages_once_through_cases_that_changed_at_the_same_instant_and_a_hand_in_makes_an_acknowledged_case_new_again()
    {
        var harness = await OutboxHarness.StartAsync(target);
        var received = new List<Sozialplattform.Storage.Submissions.AcceptResult>();
        for (var i = 0; i < 5; i++) received.Add(await harness.ReceiveAsync($"feed-{i}"));
        var client = ApiPrincipal.For(Samples.Tenant, OutboxHarness.InboxAuthority, "fv-test");
        var feed = new CaseFeed(harness.Database, harness.Clock);

        var seen = new List<Guid>();
        CaseFeedPosition? after = null;
        do
        {
            var page = await feed.ChangedAsync(client, null, after, onlyNew: false, take: 2);
            page.Items.Count.ShouldBeLessThanOrEqualTo(2);
            seen.AddRange(page.Items.Select(i => i.SubmissionId));
            after = page.Next;
        }
        while (after is not null);

        seen.ShouldBe(received.Select(r => r.Submission.Id), ignoreOrder: true);
        seen.Distinct().Count().ShouldBe(5);
        foreach (var r in received.Take(4)) (await feed.AcknowledgeAsync(client, r.Submission.Id)).ShouldNotBeNull();
        (await feed.ChangedAsync(client, null, null, onlyNew: true, take: 10)).Items.Select(i => i.SubmissionId).ShouldBe([received[4].Submission.Id]);

        harness.Clock.Advance(TimeSpan.FromMinutes(1));
        var since = harness.Clock.GetUtcNow().UtcDateTime;
        harness.Clock.Advance(TimeSpan.FromMinutes(1));
        await new ApplicantCase(harness.Database, harness.Clock).HandInAsync(received[1].Submission.ReferenceNumber, received[1].StatusSecret, "Nachweis", []);
        (await feed.ChangedAsync(client, since, null, onlyNew: false, take: 10)).Items.ShouldHaveSingleItem().SubmissionId.ShouldBe(received[1].Submission.Id);
        (await feed.ChangedAsync(client, null, null, onlyNew: true, take: 10)).Items.Select(i => i.SubmissionId).ShouldBe([received[4].Submission.Id, received[1].Submission.Id]);

        var stranger = ApiPrincipal.For(Samples.Tenant, OutboxHarness.OtherInboxAuthority, "fv-fremd");
        (await feed.ChangedAsync(stranger, null, null, onlyNew: false, take: 10)).Items.ShouldBeEmpty();
        (await feed.AcknowledgeAsync(stranger, received[0].Submission.Id)).ShouldBeNull();
        await using var context = harness.Database.CreateContext();
        (await context.AuditLog.SingleAsync(a => a.Action == "case.acknowledge.refused")).Actor.ShouldBe("api:fv-fremd");
        (await context.AuditLog.CountAsync(a => a.Action == "case.acknowledge" && a.Actor == "api:fv-test")).ShouldBe(4);
    }

    [SkippableFact]
    public async Task A_client_keeps_only_a_hash_of_its_secret_and_revoking_it_removes_its_tokens()
    {
        var harness = await OutboxHarness.StartAsync(target);
        await using var services = ApiClientRegistry.AddTo(new ServiceCollection().AddSingleton(harness.Database)).BuildServiceProvider();
        using var scope = services.CreateScope();
        var registry = scope.ServiceProvider.GetRequiredService<ApiClientRegistry>();

        var added = await registry.AddAsync(Samples.Tenant, OutboxHarness.InboxAuthority, "Fachverfahren Test", [ApiScopes.Read, ApiScopes.Status]);
        Should.Throw<ApiClientException>(() => registry.AddAsync(Samples.Tenant, "gibt-es-nicht")).Code.ShouldBe("authority");
        Should.Throw<ApiClientException>(() => registry.AddAsync(Samples.Tenant, OutboxHarness.InboxAuthority, scopes: ["cases.all"])).Code.ShouldBe("scope");

        var found = (await registry.FindAsync(added.Client.ClientId))!;
        (found.DisplayName, found.TenantId, found.AuthorityId).ShouldBe(("Fachverfahren Test", Samples.Tenant, OutboxHarness.InboxAuthority));
        found.Scopes.ShouldBe([ApiScopes.Read, ApiScopes.Status]);
        added.Client.Scopes.ShouldBe([ApiScopes.Read, ApiScopes.Status]);
        (await registry.ListAsync(Samples.Tenant)).ShouldHaveSingleItem().AuthorityId.ShouldBe(OutboxHarness.InboxAuthority);
        var applications = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();
        var application = (await applications.FindByClientIdAsync(added.Client.ClientId))!;
        (await applications.ValidateClientSecretAsync(application, added.Secret)).ShouldBeTrue();
        await using (var context = harness.Database.CreateContext())
            (await context.Database.SqlQueryRaw<string>("""SELECT "ClientSecret" AS "Value" FROM oauth_applications""").SingleAsync()).ShouldNotContain(added.Secret);
        var tokens = scope.ServiceProvider.GetRequiredService<IOpenIddictTokenManager>();
        await tokens.CreateAsync(new OpenIddictTokenDescriptor
        {
            ApplicationId = await applications.GetIdAsync(application), Subject = added.Client.ClientId, Type = OpenIddictConstants.TokenTypeHints.AccessToken,
            Status = OpenIddictConstants.Statuses.Valid, CreationDate = DateTimeOffset.UtcNow, ExpirationDate = DateTimeOffset.UtcNow.AddMinutes(15),
        });
        (await tokens.CountAsync()).ShouldBe(1);

        using var later = services.CreateScope(); // as the command line revokes: in a request of its own
        var registryLater = later.ServiceProvider.GetRequiredService<ApiClientRegistry>();
        (await registryLater.RevokeAsync(added.Client.ClientId)).ShouldBeTrue();
        (await registryLater.RevokeAsync(added.Client.ClientId)).ShouldBeFalse();
        (await later.ServiceProvider.GetRequiredService<IOpenIddictTokenManager>().CountAsync()).ShouldBe(0);
        (await registryLater.ListAsync()).ShouldBeEmpty();
    }
}

public sealed class CaseFeedSqliteTests(SqliteTarget target) : CaseFeedStorageTests(target), IClassFixture<SqliteTarget>;

public sealed class CaseFeedPostgresTests(PostgresTarget target) : CaseFeedStorageTests(target), IClassFixture<PostgresTarget>;
