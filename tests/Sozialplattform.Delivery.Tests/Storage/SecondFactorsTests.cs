using Microsoft.EntityFrameworkCore;
using OtpNet;
using Sozialplattform.Delivery.Tests.Infrastructure;
using Sozialplattform.Delivery.Tests.Outbox;
using Sozialplattform.Storage.Logins;

namespace Sozialplattform.Delivery.Tests.Storage;

/// <summary>The shared TOTP second factor of staff logins, on SQLite and PostgreSQL: enrolment, codes once, recovery codes once, throttling with audit, reset.</summary>
public abstract class SecondFactorsTests(DatabaseTarget target)
{
    private const string Office = "10.0.0.7";
    private static readonly LoginArea Area = LoginArea.Inbox;

    private sealed record Setup(OutboxHarness Harness, SecondFactors Factors, TotpEnrolment Enrolment);

    private async Task<Setup> EnrolAsync(string login = "anna")
    {
        var harness = await OutboxHarness.StartAsync(target);
        var factors = new SecondFactors(harness.Database, new LoginProtection(harness.Database, harness.Clock), harness.Clock);
        var enrolment = (await factors.EnrolmentAsync(Area, login, "Sozialplattform Posteingang")).ShouldNotBeNull();
        return new Setup(harness, factors, enrolment);
    }

    private static string Code(Setup setup, TimeSpan offset = default) =>
        new Totp(Base32Encoding.ToBytes(setup.Enrolment.Secret)).ComputeTotp(setup.Harness.Clock.GetUtcNow().UtcDateTime + offset);

    [SkippableFact]
    public async Task Enrolment_shows_the_same_secret_until_its_first_code_confirms_it_and_then_returns_ten_recovery_codes()
    {
        var setup = await EnrolAsync();
        setup.Enrolment.Uri.ShouldStartWith($"otpauth://totp/Sozialplattform%20Posteingang:anna?secret={setup.Enrolment.Secret}&issuer=Sozialplattform%20Posteingang");
        setup.Enrolment.QrCodeDataUri.ShouldStartWith("data:image/png;base64,iVBORw0KGgo");
        (await setup.Factors.EnrolmentAsync(Area, "anna", "x")).ShouldNotBeNull().Secret.ShouldBe(setup.Enrolment.Secret);
        (await setup.Factors.StateAsync(Area, "anna")).ShouldBe(SecondFactorState.Pending);
        (await setup.Factors.VerifyAsync(Area, "anna", Code(setup), Office)).Result.ShouldBe(LoginResult.Refused, "a pending factor signs nobody in");

        var confirmed = await setup.Factors.ConfirmEnrolmentAsync(Area, "anna", Code(setup), Office);

        confirmed.Result.ShouldBe(LoginResult.SignedIn);
        confirmed.RecoveryCodes.ShouldNotBeNull().Count.ShouldBe(10);
        confirmed.RecoveryCodes.ShouldAllBe(c => System.Text.RegularExpressions.Regex.IsMatch(c, "^[A-Z2-9]{5}-[A-Z2-9]{5}$"));
        (await setup.Factors.StateAsync(Area, "anna")).ShouldBe(SecondFactorState.Active);
        (await setup.Factors.EnrolmentAsync(Area, "anna", "x")).ShouldBeNull("a confirmed factor is not shown again");
        await using var context = setup.Harness.Database.CreateContext();
        var stored = await context.SecondFactors.SingleAsync();
        stored.RecoveryCodeHashes.ShouldNotContain(confirmed.RecoveryCodes[0].Replace("-", ""));
        System.Text.Encoding.ASCII.GetString(stored.SecretCipher).ShouldNotContain(setup.Enrolment.Secret);
        (await context.AuditLog.CountAsync(a => a.Action == "totp.enrolled" && a.Actor == "anna")).ShouldBe(1);
    }

    [SkippableFact]
    public async Task A_wrong_code_is_refused_and_a_code_used_once_is_refused_again_also_in_parallel()
    {
        var setup = await EnrolAsync();
        await setup.Factors.ConfirmEnrolmentAsync(Area, "anna", Code(setup), Office);
        (await setup.Factors.VerifyAsync(Area, "anna", Code(setup), Office)).Result.ShouldBe(LoginResult.Refused, "the confirming code was used");

        setup.Harness.Clock.Advance(TimeSpan.FromSeconds(30));
        (await setup.Factors.VerifyAsync(Area, "anna", "000000" == Code(setup) ? "111111" : "000000", Office)).Result.ShouldBe(LoginResult.Refused);
        var code = Code(setup);
        // From different addresses, so that no counter's wait hides what the code check says.
        var outcomes = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(() => setup.Factors.VerifyAsync(Area, "anna", code, $"192.0.2.{i}"))));

        outcomes.Count(o => o.Result == LoginResult.SignedIn).ShouldBe(1);
        outcomes.Count(o => o.Result == LoginResult.Refused).ShouldBe(7);
        (await setup.Factors.VerifyAsync(Area, "anna", Code(setup, TimeSpan.FromSeconds(-30)), Office)).Result.ShouldBe(LoginResult.Refused, "an earlier step than the used one");
        await using var context = setup.Harness.Database.CreateContext();
        (await context.AuditLog.CountAsync(a => a.Action == "totp.login.failed" && a.Details!.StartsWith("code already used"))).ShouldBeGreaterThanOrEqualTo(8);
        (await context.AuditLog.CountAsync(a => a.Action == "totp.login.failed" && a.Details!.StartsWith("wrong code"))).ShouldBe(1);
    }

    [SkippableFact]
    public async Task Five_wrong_codes_start_a_wait_in_which_even_the_right_code_is_not_checked_and_the_lock_is_audited()
    {
        var setup = await EnrolAsync();
        await setup.Factors.ConfirmEnrolmentAsync(Area, "anna", Code(setup), Office);
        setup.Harness.Clock.Advance(TimeSpan.FromSeconds(60));
        var wrong = Code(setup) == "123456" ? "654321" : "123456";
        for (var i = 0; i < 5; i++) (await setup.Factors.VerifyAsync(Area, "anna", wrong, Office)).Result.ShouldBe(LoginResult.Refused);

        var throttled = await setup.Factors.VerifyAsync(Area, "anna", Code(setup), Office);

        throttled.Result.ShouldBe(LoginResult.Throttled);
        throttled.WaitUntil.ShouldBe(setup.Harness.Clock.GetUtcNow().UtcDateTime.AddSeconds(30));
        await using var context = setup.Harness.Database.CreateContext();
        var locked = await context.AuditLog.SingleAsync(a => a.Action == "totp.login.locked");
        locked.Actor.ShouldBe("anna");
        locked.Details.ShouldStartWith("5 failures per login and address (10.0.0.7)");
        setup.Harness.Clock.Advance(TimeSpan.FromSeconds(31));
        (await setup.Factors.VerifyAsync(Area, "anna", Code(setup), Office)).Result.ShouldBe(LoginResult.SignedIn);
    }

    [SkippableFact]
    public async Task A_recovery_code_works_once_in_any_spelling_and_a_reset_removes_the_factor()
    {
        var setup = await EnrolAsync();
        var codes = (await setup.Factors.ConfirmEnrolmentAsync(Area, "anna", Code(setup), Office)).RecoveryCodes!;

        var used = await setup.Factors.VerifyAsync(Area, "anna", " " + codes[3].Replace("-", "").ToLowerInvariant() + " ", Office);

        used.Result.ShouldBe(LoginResult.SignedIn);
        used.UsedRecoveryCode.ShouldBeTrue();
        (await setup.Factors.VerifyAsync(Area, "anna", codes[3], Office)).Result.ShouldBe(LoginResult.Refused, "used once");
        (await setup.Factors.VerifyAsync(Area, "anna", codes[4], Office)).Result.ShouldBe(LoginResult.SignedIn, "the others stay");
        (await setup.Factors.VerifyAsync(LoginArea.Designer, "anna", codes[5], Office)).Result.ShouldBe(LoginResult.Refused, "the designer's anna is someone else");

        (await setup.Factors.ResetAsync(Area, "anna", "betrieb")).ShouldBeTrue();
        (await setup.Factors.ResetAsync(Area, "anna", "betrieb")).ShouldBeFalse();
        (await setup.Factors.StateAsync(Area, "anna")).ShouldBe(SecondFactorState.None);
        (await setup.Factors.VerifyAsync(Area, "anna", codes[6], Office)).Result.ShouldBe(LoginResult.Refused);
        (await setup.Factors.EnrolmentAsync(Area, "anna", "x")).ShouldNotBeNull().Secret.ShouldNotBe(setup.Enrolment.Secret);
        await using var context = setup.Harness.Database.CreateContext();
        (await context.AuditLog.CountAsync(a => a.Action == "totp.recovery-code.used")).ShouldBe(2);
        (await context.AuditLog.SingleAsync(a => a.Action == "totp.reset")).Actor.ShouldBe("betrieb");
    }
}

public sealed class SecondFactorsSqliteTests(SqliteTarget target) : SecondFactorsTests(target), IClassFixture<SqliteTarget>;

public sealed class SecondFactorsPostgresTests(PostgresTarget target) : SecondFactorsTests(target), IClassFixture<PostgresTarget>;
