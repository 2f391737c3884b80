using Microsoft.EntityFrameworkCore;
using Sozialplattform.Delivery.Tests.Infrastructure;
using Sozialplattform.Delivery.Tests.Outbox;
using Sozialplattform.Storage.Crypto;
using Sozialplattform.Storage.Entities;
using Sozialplattform.Storage.Inbox;
using Sozialplattform.Storage.Logins;

namespace Sozialplattform.Delivery.Tests.Storage;

/// <summary>The login protection (counters per login and address, per address, per login) through the inbox's accounts, on SQLite and PostgreSQL.</summary>
public abstract class LoginProtectionTests(DatabaseTarget target)
{
    private const string Password = "correct horse battery";
    private const string Home = "10.0.0.7";
    private const string Attacker = "203.0.113.66";

    private sealed record Setup(OutboxHarness Harness, CaseworkerAccounts Accounts, CountingHasher Hasher);

    private async Task<Setup> StartAsync(LoginProtectionOptions? options = null)
    {
        var harness = await OutboxHarness.StartAsync(target);
        var hasher = new CountingHasher();
        var accounts = new CaseworkerAccounts(harness.Database, harness.Clock, new LoginProtection(harness.Database, harness.Clock, options), hasher);
        await accounts.CreateAsync("alice", "Alice", Password, Samples.Tenant, OutboxHarness.InboxAuthority);
        return new Setup(harness, accounts, hasher);
    }

    [SkippableFact]
    public async Task Five_failures_from_one_address_start_a_wait_that_doubles_with_each_further_failure_and_a_success_forgives_them()
    {
        var (harness, accounts, _) = await StartAsync();
        for (var i = 0; i < 4; i++) (await accounts.SignInAsync("alice", "wrong", Home)).Result.ShouldBe(LoginResult.Refused);
        (await accounts.SignInAsync("alice", Password, Home)).Result.ShouldBe(LoginResult.SignedIn);
        for (var i = 0; i < 5; i++) (await accounts.SignInAsync("alice", "wrong", Home)).Result.ShouldBe(LoginResult.Refused);

        var now = harness.Clock.GetUtcNow().UtcDateTime;
        (await accounts.SignInAsync("alice", Password, Home)).ShouldBe(new LoginOutcome<CaseworkerAccount>(LoginResult.Throttled, WaitUntil: now.AddSeconds(30)));
        harness.Clock.Advance(TimeSpan.FromSeconds(30));
        (await accounts.SignInAsync("alice", "wrong", Home)).Result.ShouldBe(LoginResult.Refused);
        (await accounts.SignInAsync("alice", Password, Home)).WaitUntil.ShouldBe(now.AddSeconds(30 + 60));
        harness.Clock.Advance(TimeSpan.FromSeconds(60));
        (await accounts.SignInAsync("alice", Password, Home)).Account.ShouldNotBeNull().Login.ShouldBe("alice");
        (await accounts.SignInAsync("alice", "wrong", Home)).Result.ShouldBe(LoginResult.Refused, "the success forgave the failures before it");

        await using var context = harness.Database.CreateContext();
        var actions = await context.AuditLog.Where(a => a.Actor == "alice").OrderBy(a => a.Id).Select(a => a.Action).ToListAsync();
        actions.Count(a => a == "login.locked").ShouldBe(2);
        actions.Count(a => a == "login.failed").ShouldBe(4 + 5 + 1 + 1);
        actions.Count(a => a == "login.succeeded").ShouldBe(2);
        await Should.ThrowAsync<ArgumentException>(() => accounts.CreateAsync("alice", "Alice", "another long password", Samples.Tenant, OutboxHarness.InboxAuthority));
        await Should.ThrowAsync<ArgumentException>(() => accounts.CreateAsync("bob", "Bob", "short", Samples.Tenant, OutboxHarness.InboxAuthority));
    }

    [SkippableFact]
    public async Task Failures_from_another_address_do_not_lock_out_the_caseworker()
    {
        var (_, accounts, _) = await StartAsync();
        for (var i = 0; i < 30; i++) await accounts.SignInAsync("alice", "wrong", Attacker);
        (await accounts.SignInAsync("alice", Password, Attacker)).Result.ShouldBe(LoginResult.Throttled);

        (await accounts.SignInAsync("alice", Password, Home)).Result.ShouldBe(LoginResult.SignedIn);
    }

    [SkippableFact]
    public async Task An_unknown_login_meets_the_same_answers_and_the_same_password_work_as_a_real_one()
    {
        var (harness, accounts, hasher) = await StartAsync();

        async Task<List<LoginOutcome<CaseworkerAccount>>> Attempts(string login)
        {
            var outcomes = new List<LoginOutcome<CaseworkerAccount>>();
            for (var i = 0; i < 7; i++) outcomes.Add(await accounts.SignInAsync(login, "wrong", Home));
            return outcomes;
        }

        var real = await Attempts("alice");
        var checksForReal = hasher.Verifications;
        var unknown = await Attempts("niemand");

        unknown.ShouldBe(real);
        real.Select(o => o.Result).ShouldBe([.. Enumerable.Repeat(LoginResult.Refused, 5), LoginResult.Throttled, LoginResult.Throttled]);
        checksForReal.ShouldBe(5);
        (hasher.Verifications - checksForReal).ShouldBe(5, "the unknown login's password is hashed just as often");
        await using var context = harness.Database.CreateContext();
        (await context.AuditLog.CountAsync(a => a.Actor == "niemand" && a.Action == "login.failed" && a.Details == "unknown login from " + Home)).ShouldBe(5);
    }

    [SkippableFact]
    public async Task One_address_trying_many_logins_waits_for_every_login_and_other_addresses_do_not()
    {
        var (_, accounts, _) = await StartAsync();
        for (var i = 0; i < 20; i++) (await accounts.SignInAsync($"user{i}", "wrong", Attacker)).Result.ShouldBe(LoginResult.Refused);

        (await accounts.SignInAsync("alice", Password, Attacker)).Result.ShouldBe(LoginResult.Throttled);
        (await accounts.SignInAsync("alice", Password, Home)).Result.ShouldBe(LoginResult.SignedIn);
    }

    [SkippableFact]
    public async Task Guessing_from_many_addresses_makes_new_addresses_wait_but_not_one_the_caseworker_signed_in_from()
    {
        var (_, accounts, _) = await StartAsync(new LoginProtectionOptions { PerLogin = new ThrottleLimit { FreeFailures = 10, FirstWait = TimeSpan.FromMinutes(1), MaxWait = TimeSpan.FromMinutes(15) } });
        (await accounts.SignInAsync("alice", Password, Home)).Result.ShouldBe(LoginResult.SignedIn);
        for (var i = 0; i < 10; i++) (await accounts.SignInAsync("alice", "wrong", $"198.51.100.{i}")).Result.ShouldBe(LoginResult.Refused);

        (await accounts.SignInAsync("alice", Password, "198.51.100.200")).Result.ShouldBe(LoginResult.Throttled);
        (await accounts.SignInAsync("alice", Password, Home)).Result.ShouldBe(LoginResult.SignedIn);
    }

    [SkippableFact]
    public async Task A_hundred_parallel_wrong_attempts_check_five_passwords_and_leave_the_login_waiting()
    {
        var (harness, accounts, hasher) = await StartAsync();

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 100).Select(_ => Task.Run(() => accounts.SignInAsync("alice", "wrong", Attacker))));

        hasher.Verifications.ShouldBe(5);
        outcomes.Count(o => o.Result == LoginResult.Refused).ShouldBe(5);
        outcomes.Count(o => o.Result == LoginResult.Throttled).ShouldBe(95);
        (await accounts.SignInAsync("alice", Password, Attacker)).Result.ShouldBe(LoginResult.Throttled);
        harness.Clock.Advance(TimeSpan.FromSeconds(30));
        (await accounts.SignInAsync("alice", Password, Attacker)).Result.ShouldBe(LoginResult.SignedIn);
    }

    [SkippableFact]
    public async Task Fifty_nine_parallel_wrong_attempts_with_the_right_one_check_no_more_passwords_than_allowed()
    {
        var (_, accounts, hasher) = await StartAsync();

        var passwords = Enumerable.Repeat("wrong", 59).Append(Password);
        var outcomes = await Task.WhenAll(passwords.Select(password => Task.Run(() => accounts.SignInAsync("alice", password, Attacker))));

        var signedIn = outcomes.Count(o => o.Result == LoginResult.SignedIn);
        signedIn.ShouldBeLessThanOrEqualTo(1);
        if (signedIn == 0)
        {
            // The right password was not among the five checked: it was refused, and stays refused while the wait lasts.
            hasher.Verifications.ShouldBe(5);
            (await accounts.SignInAsync("alice", Password, Attacker)).Result.ShouldBe(LoginResult.Throttled);
        }
        else
        {
            // It was among the first five, which forgave the failures before it: at most five more were checked after it.
            hasher.Verifications.ShouldBeLessThanOrEqualTo(10);
        }

        outcomes.Count(o => o.Result == LoginResult.Throttled).ShouldBeGreaterThanOrEqualTo(50);
    }

    [SkippableFact]
    public async Task Counters_a_day_without_failures_are_deleted_but_an_address_trusted_by_a_success_stays()
    {
        var (harness, accounts, _) = await StartAsync();
        (await accounts.SignInAsync("alice", Password, Home)).Result.ShouldBe(LoginResult.SignedIn);
        for (var i = 0; i < 3; i++) await accounts.SignInAsync("bob", "wrong", Attacker);
        await using var context = harness.Database.CreateContext();
        (await context.LoginThrottles.CountAsync()).ShouldBe(6);

        harness.Clock.Advance(TimeSpan.FromHours(25));
        (await accounts.SignInAsync("carol", "wrong", "192.0.2.5")).Result.ShouldBe(LoginResult.Refused);

        (await context.LoginThrottles.CountAsync()).ShouldBe(1 + 3, "alice's trusted address and carol's three new counters");
        (await accounts.SignInAsync("bob", "wrong", Attacker)).Result.ShouldBe(LoginResult.Refused);
        (await context.LoginThrottles.CountAsync(e => e.TrustedUntil != null)).ShouldBe(1);
    }

    [SkippableFact]
    public async Task Logout_and_unlock_renew_the_security_stamp_and_unlock_ends_the_waits_of_the_login_only()
    {
        var (harness, accounts, _) = await StartAsync();
        var alice = (await accounts.SignInAsync("alice", Password, Home)).Account.ShouldNotBeNull();
        alice.SecurityStamp.Length.ShouldBeGreaterThan(20);

        await accounts.SignOutAsync(alice);
        var afterLogout = (await accounts.FindAsync(alice.Id)).ShouldNotBeNull().SecurityStamp;
        afterLogout.ShouldNotBe(alice.SecurityStamp);
        for (var i = 0; i < 5; i++) await accounts.SignInAsync("alice", "wrong", Attacker);
        for (var i = 0; i < 15; i++) await accounts.SignInAsync($"user{i}", "wrong", Attacker);
        (await accounts.SignInAsync("bob", "wrong", Attacker)).Result.ShouldBe(LoginResult.Throttled);

        (await accounts.UnlockAsync("alice", "betrieb")).ShouldBeTrue();
        (await accounts.UnlockAsync("niemand", "betrieb")).ShouldBeFalse();
        (await accounts.FindAsync(alice.Id))!.SecurityStamp.ShouldNotBe(afterLogout);
        (await accounts.SignInAsync("alice", Password, Attacker)).Result.ShouldBe(LoginResult.Throttled, "the address still waits: an unlock is for the login");
        (await accounts.SignInAsync("alice", Password, "192.0.2.1")).Result.ShouldBe(LoginResult.SignedIn);
        await using var context = harness.Database.CreateContext();
        (await context.AuditLog.CountAsync(a => a.Action == "logout" && a.Actor == "alice")).ShouldBe(1);
    }
}

/// <summary>The real hasher, counting how often a password is checked.</summary>
public sealed class CountingHasher : PasswordHasher
{
    private int _verifications;

    public int Verifications => _verifications;

    public override bool Verify(string password, string storedHash)
    {
        Interlocked.Increment(ref _verifications);
        return base.Verify(password, storedHash);
    }
}

public sealed class LoginProtectionSqliteTests(SqliteTarget target) : LoginProtectionTests(target), IClassFixture<SqliteTarget>;

public sealed class LoginProtectionPostgresTests(PostgresTarget target) : LoginProtectionTests(target), IClassFixture<PostgresTarget>;
