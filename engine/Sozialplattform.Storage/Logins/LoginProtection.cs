using System.Security.Cryptography;
using System.Text;
using Sozialplattform.Storage.Database;
using Sozialplattform.Storage.Entities;

namespace Sozialplattform.Storage.Logins;

/// <summary>
/// The one protection of every login area (inbox, designer): three counters of failed attempts with growing waits — for
/// the login from this client address, for the address over all logins, and for the login from addresses it never
/// signed in from (<see cref="LoginProtectionOptions"/>) — and the audit entries of logins. Counters are keyed by the
/// login as typed, so an unknown login meets exactly the limits and answers of a real one.
/// </summary>
/// <remarks>
/// An attempt is counted as failed on every counter before its password is checked, and a success takes its count
/// back: parallel attempts can therefore never check more passwords than a counter allows. A waiting counter refuses at
/// once without checking anything. Why three counters and not one lock per account: docs/OPERATIONS.md.
/// </remarks>
public sealed class LoginProtection(SozialDatabase database, TimeProvider? clock = null, LoginProtectionOptions? options = null)
{
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;
    private readonly ThrottleCounters _counters = new(database);
    private SemaphoreSlim? _attempts;
    private long _nextCleanupTicks;

    public LoginProtectionOptions Options { get; } = options ?? new LoginProtectionOptions();

    private DateTime Now => _clock.GetUtcNow().UtcDateTime;

    private SemaphoreSlim Attempts => LazyInitializer.EnsureInitialized(ref _attempts, () => new SemaphoreSlim(Options.MaxConcurrentAttempts));

    /// <summary>
    /// One login attempt: throttled at once while a counter waits; otherwise <paramref name="check"/> compares the
    /// password (it must do the same work for unknown logins), and the outcome is counted and written to the audit log.
    /// </summary>
    public async Task<LoginOutcome<TAccount>> SignInAsync<TAccount>(LoginArea area, string login, string clientAddress,
        Func<CancellationToken, Task<LoginCheck<TAccount>>> check, CancellationToken cancellationToken = default) where TAccount : class
    {
        // A burst of attempts queues here instead of taking every database connection and every core (each check is a slow hash).
        await Attempts.WaitAsync(cancellationToken);
        try
        {
            return await AttemptAsync(area, login, clientAddress, check, cancellationToken);
        }
        finally
        {
            Attempts.Release();
        }
    }

    private async Task<LoginOutcome<TAccount>> AttemptAsync<TAccount>(LoginArea area, string login, string clientAddress,
        Func<CancellationToken, Task<LoginCheck<TAccount>>> check, CancellationToken cancellationToken) where TAccount : class
    {
        var now = Now;
        await ForgetOldCountersAsync(now, cancellationToken);
        var loginKey = Hash(area.Name, login);
        var pair = new ThrottleCounter("pair:" + Hash(area.Name, login, clientAddress), loginKey, Options.PerLoginAndAddress, "login and address");
        var address = new ThrottleCounter("address:" + Hash(clientAddress), null, Options.PerAddress, "address");
        var everywhere = new ThrottleCounter("login:" + loginKey, loginKey, Options.PerLogin, "login from untrusted addresses");

        var reserved = new List<Reservation>();
        foreach (var counter in new[] { pair, address, everywhere })
        {
            if (counter == everywhere && reserved[0].TrustedUntil > now) break;
            var (reservation, waitUntil) = await _counters.ReserveAsync(counter, now, Options.ForgetAfter, cancellationToken);
            if (reservation is null)
            {
                foreach (var taken in reserved) await _counters.ForgiveAsync(taken.Counter, 1, null, cancellationToken);
                return new LoginOutcome<TAccount>(LoginResult.Throttled, WaitUntil: waitUntil);
            }

            reserved.Add(reservation);
        }

        var result = await check(cancellationToken);
        var actor = login.Length > 100 ? login[..100] : login;
        if (result.Account is not null)
        {
            // The address keeps its other failures (signing in to one's own account must not hide guessing at others).
            foreach (var taken in reserved)
                await _counters.ForgiveAsync(taken.Counter, taken.Counter == address ? 1 : taken.Failures, taken.Counter == pair ? now + Options.TrustAddressFor : null, cancellationToken);
            await AuditAsync([(area.Action("login.succeeded"), $"from {clientAddress}")], actor, cancellationToken);
            return new LoginOutcome<TAccount>(LoginResult.SignedIn, result.Account);
        }

        var entries = new List<(string Action, string? Details)> { (area.Action("login.failed"), $"{result.Failure ?? (result.LoginExists ? "wrong password" : "unknown login")} from {clientAddress}") };
        entries.AddRange(reserved.Where(r => r.WaitUntil is not null)
            .Select(r => (area.Action("login.locked"), (string?)$"{r.Failures} failures per {r.Counter.Name} ({clientAddress}); next attempt at {r.WaitUntil:O}")));
        await AuditAsync(entries, actor, cancellationToken);
        return new LoginOutcome<TAccount>(LoginResult.Refused);
    }

    /// <summary>Ends the waits of a login at once (an operator's unlock), written to the audit log with the operator as actor.</summary>
    public async Task ReleaseAsync(LoginArea area, string login, string actor, CancellationToken cancellationToken = default)
    {
        await _counters.ReleaseAsync(Hash(area.Name, login), cancellationToken);
        await AuditAsync([(area.Action("account.unlocked"), login)], actor, cancellationToken);
    }

    /// <summary>The audit entry of a logout (the area has ended the session on the server already).</summary>
    public Task SignedOutAsync(LoginArea area, string login, CancellationToken cancellationToken = default) =>
        AuditAsync([(area.Action("logout"), null)], login, cancellationToken);

    /// <summary>
    /// At most once an hour, the first attempt deletes the counters that have forgotten their failures and trust no
    /// address: every attempt with a new login or address adds rows, and without this the table would only grow.
    /// </summary>
    private async Task ForgetOldCountersAsync(DateTime now, CancellationToken cancellationToken)
    {
        var due = Interlocked.Read(ref _nextCleanupTicks);
        if (now.Ticks < due || Interlocked.CompareExchange(ref _nextCleanupTicks, now.AddHours(1).Ticks, due) != due) return;
        await _counters.ForgetAsync(now - Options.ForgetAfter, now, cancellationToken);
    }

    /// <summary>An audit entry of the area's logins that is not an attempt (a second factor enrolled or reset, …).</summary>
    public Task AuditAsync(LoginArea area, string action, string actor, string? details, CancellationToken cancellationToken = default) =>
        AuditAsync([(area.Action(action), details)], actor, cancellationToken);

    private async Task AuditAsync(IEnumerable<(string Action, string? Details)> entries, string actor, CancellationToken cancellationToken)
    {
        await using var context = database.CreateContext();
        foreach (var (action, details) in entries) context.AuditLog.Add(new AuditLogEntry { At = Now, Actor = actor, Action = action, Details = details });
        using var gate = await database.EnterWriteAsync(cancellationToken);
        await context.SaveChangesAsync(cancellationToken);
    }

    private static string Hash(params string[] parts) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', parts))));
}
