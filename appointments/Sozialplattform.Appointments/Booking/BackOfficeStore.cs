using Microsoft.EntityFrameworkCore;
using NodaTime;
using Sozialplattform.Appointments.Storage;
using Sozialplattform.Storage.Crypto;

namespace Sozialplattform.Appointments.Booking;

/// <summary>
/// What centre staff read and mark beyond the seeker's steps: the agenda of a centre (or one counsellor) for a span,
/// "nicht erschienen", and each counsellor's private calendar feed, whose token (256 random bits) is stored only as a
/// hash — a new token replaces the old one, a revoked feed answers nothing. Every call is scoped to a centre the back
/// office already checked the account may keep; a booking or counsellor of another centre is "not found".
/// </summary>
public sealed class BackOfficeStore(AppointmentsDatabase database, BookingStore store)
{
    /// <summary>Booked appointments and live holds that start in [<paramref name="from"/>, <paramref name="until"/>), by start.</summary>
    public async Task<IReadOnlyList<BookingView>> AgendaAsync(Guid centreId, Instant from, Instant until, Guid? counsellorId, CancellationToken cancellationToken = default)
    {
        var (fromUtc, untilUtc, nowUtc) = (from.ToDateTimeUtc(), until.ToDateTimeUtc(), store.Now.ToDateTimeUtc());
        await using var context = database.CreateContext();
        var rows = await context.Bookings.AsNoTracking()
            .Where(b => b.CentreId == centreId && b.Start >= fromUtc && b.Start < untilUtc && (counsellorId == null || b.CounsellorId == counsellorId)
                && (b.Status == BookingStatus.Booked || (b.Status == BookingStatus.Held && b.HoldExpiresAt > nowUtc)))
            .OrderBy(b => b.Start).ToListAsync(cancellationToken);
        return rows.Select(store.View).ToList();
    }

    public async Task<BookingView?> FindAsync(Guid centreId, Guid bookingId, CancellationToken cancellationToken = default) =>
        await store.FindAsync(new BookingKey.Staff(bookingId, centreId), cancellationToken);

    /// <summary>Marks (or unmarks) "nicht erschienen": only a booked appointment whose start has passed.</summary>
    public async Task<BookingOutcome> MarkNoShowAsync(Guid centreId, Guid bookingId, bool noShow, CancellationToken cancellationToken = default)
    {
        using var gate = await database.Platform.EnterWriteAsync(cancellationToken);
        await using var context = database.CreateContext();
        var row = await context.Bookings.SingleOrDefaultAsync(b => b.Id == bookingId && b.CentreId == centreId, cancellationToken);
        if (row is null || row.Status is BookingStatus.Held or BookingStatus.Expired) return new Refused(BookingRefusal.NotFound);
        if (row.Status == BookingStatus.Cancelled) return new Refused(BookingRefusal.AlreadyCancelled);
        if (BookingStore.ToInstant(row.Start) > store.Now) return new Refused(BookingRefusal.NotYetStarted);
        row.NoShow = noShow;
        row.UpdatedAt = store.Now.ToDateTimeUtc();
        await context.SaveChangesAsync(cancellationToken);
        return new Changed(store.View(row));
    }

    /// <summary>A new feed token for the counsellor (the previous one stops working); shown once. Null: not a counsellor of the centre.</summary>
    public async Task<string?> IssueFeedTokenAsync(Guid centreId, Guid counsellorId, CancellationToken cancellationToken = default)
    {
        var token = SecretHashing.NewSecret();
        return await SetFeedHashAsync(centreId, counsellorId, SecretHashing.Hash(token), cancellationToken) ? token : null;
    }

    public Task<bool> RevokeFeedTokenAsync(Guid centreId, Guid counsellorId, CancellationToken cancellationToken = default) =>
        SetFeedHashAsync(centreId, counsellorId, null, cancellationToken);

    /// <summary>Whether each counsellor of the centre has a live feed.</summary>
    public async Task<IReadOnlyDictionary<Guid, bool>> FeedStatesAsync(Guid centreId, CancellationToken cancellationToken = default)
    {
        await using var context = database.CreateContext();
        return await context.Counsellors.AsNoTracking().Where(c => c.CentreId == centreId).ToDictionaryAsync(c => c.Id, c => c.FeedTokenHash != null, cancellationToken);
    }

    /// <summary>The feed's appointments (booked, from 30 days back) when the token is the counsellor's live one; else null.</summary>
    public async Task<(Guid CentreId, IReadOnlyList<BookingView> Bookings)?> FeedAsync(Guid counsellorId, string token, CancellationToken cancellationToken = default)
    {
        await using var context = database.CreateContext();
        var counsellor = await context.Counsellors.AsNoTracking().SingleOrDefaultAsync(c => c.Id == counsellorId, cancellationToken);
        if (counsellor?.FeedTokenHash is not { } hash || !SecretHashing.Matches(token, hash)) return null;
        var since = (store.Now - Duration.FromDays(30)).ToDateTimeUtc();
        var rows = await context.Bookings.AsNoTracking()
            .Where(b => b.CounsellorId == counsellorId && b.Status == BookingStatus.Booked && b.Start >= since).OrderBy(b => b.Start).ToListAsync(cancellationToken);
        return (counsellor.CentreId, rows.Select(store.View).ToList());
    }

    private async Task<bool> SetFeedHashAsync(Guid centreId, Guid counsellorId, string? hash, CancellationToken cancellationToken)
    {
        using var gate = await database.Platform.EnterWriteAsync(cancellationToken);
        await using var context = database.CreateContext();
        return await context.Counsellors.Where(c => c.Id == counsellorId && c.CentreId == centreId)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.FeedTokenHash, hash), cancellationToken) == 1;
    }
}
