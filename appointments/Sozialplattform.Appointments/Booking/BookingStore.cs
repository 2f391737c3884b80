using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using NodaTime;
using Sozialplattform.Appointments.Slots;
using Sozialplattform.Appointments.Storage;
using Sozialplattform.Storage.Crypto;
using Sozialplattform.Storage.Submissions;

namespace Sozialplattform.Appointments.Booking;

/// <summary>
/// Books, confirms, moves and cancels. Every step checks the slot with <see cref="SlotEngine"/> and then writes in one
/// transaction; the booking's cells (<see cref="BookingCellRow"/>) make the database refuse an overlapping booking that
/// slipped past the check (two requests racing), which the seeker hears as "just taken" with the next free slots.
/// </summary>
public sealed class BookingStore(AppointmentsDatabase database, AppointmentSetup setup, BookingOptions? options = null, TimeProvider? clock = null)
{
    private readonly BookingOptions _options = options ?? new BookingOptions();
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;

    public Instant Now => Instant.FromDateTimeOffset(_clock.GetUtcNow());

    public async Task<IReadOnlyList<Slot>> FreeSlotsAsync(Guid typeId, Guid? namedCounsellor = null, CancellationToken cancellationToken = default) =>
        await QueryAsync(typeId, namedCounsellor, null, cancellationToken) is { } query ? SlotEngine.FreeSlots(query) : [];

    /// <summary>
    /// Books at once (no e-mail) or holds for the double opt-in (with e-mail). <paramref name="byStaff"/>: centre staff
    /// book for a caller they speak to — booked at once, also with an e-mail address (the confirmation mail goes to it).
    /// </summary>
    /// <param name="alongside">Work that commits with the booking (its e-mail); its failure leaves nothing stored.</param>
    public async Task<BookingOutcome> BookAsync(BookingRequest request, CancellationToken cancellationToken = default, bool byStaff = false,
        Func<StoredStep, CancellationToken, Task>? alongside = null)
    {
        if (await QueryAsync(request.TypeId, request.CounsellorId, null, cancellationToken, around: request.Start) is not { } query) return new Refused(BookingRefusal.UnknownType);
        if (!query.Type.Active) return new Refused(BookingRefusal.TypeInactive);
        if (SeekerInput.Check(query.Type.Questions, request.Answers) is [var first, ..] problems) return new Refused(first.Reason, [], problems);
        // the narrow query knows only this counsellor's week: the next free slots of a taken one need the whole team's
        if (Check(query, request.CounsellorId, request.Start) is { } refused)
            return refused.Reason == BookingRefusal.SlotTaken ? await TakenAsync(request.TypeId, request.CounsellorId, request.Start, cancellationToken) : refused;

        var now = query.Now;
        var answers = request.Answers.For(query.Type.Questions);
        var email = answers.Email;
        var id = Guid.NewGuid();
        var code = BookingCode.New();
        var hold = email is not null && !byStaff;
        string? manage = hold ? null : SecretHashing.NewSecret();
        string? confirm = hold ? SecretHashing.NewSecret() : null;
        var (blockedFrom, blockedUntil) = query.Type.Blocked(request.Start);
        var protector = database.Platform.Protector;
        var row = new BookingRow
        {
            Id = id, CentreId = query.Type.CentreId, TypeId = query.Type.Id, CounsellorId = request.CounsellorId,
            Start = request.Start.ToDateTimeUtc(), End = (request.Start + query.Type.Length).ToDateTimeUtc(),
            BlockedFrom = blockedFrom.ToDateTimeUtc(), BlockedUntil = blockedUntil.ToDateTimeUtc(),
            Status = hold ? BookingStatus.Held : BookingStatus.Booked,
            HoldExpiresAt = hold ? (now + _options.Hold).ToDateTimeUtc() : null,
            ConfirmTokenHash = confirm is null ? null : SecretHashing.Hash(confirm),
            ManageTokenHash = manage is null ? null : SecretHashing.Hash(manage),
            CodeHash = SecretHashing.Hash(BookingCode.Normalize(code)!),
            NameCipher = protector.ProtectText(answers.Name!, id),
            EmailCipher = email is null ? null : protector.ProtectText(email, id),
            PhoneCipher = answers.Phone is { } phone ? protector.ProtectText(phone, id) : null,
            ConcernCipher = answers.Concern is { } concern ? protector.ProtectText(concern, id) : null,
            OwnerToken = request.OwnerPseudonym is { Length: > 0 } owner ? AccountOwner.Token(protector, owner) : null,
            Language = request.Language, CreatedAt = now.ToDateTimeUtc(), UpdatedAt = now.ToDateTimeUtc(),
        };
        var slot = new Slot(request.Start, request.Start + query.Type.Length, request.CounsellorId);
        BookingOutcome outcome = confirm is null ? new Booked(id, manage!, code, slot) : new Held(id, confirm, now + _options.Hold, slot);
        return await InsertAsync(row, outcome, now, alongside, cancellationToken) ? outcome
            : await TakenAsync(request.TypeId, request.CounsellorId, request.Start, cancellationToken);
    }

    /// <summary>The double opt-in's link: books a live hold and issues its manage token and code; a late link is told the hold expired.</summary>
    public async Task<BookingOutcome> ConfirmAsync(Guid bookingId, string confirmToken, CancellationToken cancellationToken = default, Func<StoredStep, CancellationToken, Task>? alongside = null)
    {
        var now = Now;
        using var gate = await database.Platform.EnterWriteAsync(cancellationToken);
        await using var context = database.CreateContext();
        var row = await context.Bookings.SingleOrDefaultAsync(b => b.Id == bookingId, cancellationToken);
        if (row?.ConfirmTokenHash is null || !SecretHashing.Matches(confirmToken, row.ConfirmTokenHash)) return new Refused(BookingRefusal.NotFound);
        if (row.Status == BookingStatus.Booked) return new Refused(BookingRefusal.AlreadyConfirmed);
        if (row.Status == BookingStatus.Cancelled) return new Refused(BookingRefusal.AlreadyCancelled);
        if (row.Status == BookingStatus.Expired || row.HoldExpiresAt <= now.ToDateTimeUtc())
        {
            await ReleaseExpiredHoldsAsync(context, row.CounsellorId, now, cancellationToken);
            gate.Dispose();
            var next = await TakenAsync(row.TypeId, row.CounsellorId, ToInstant(row.Start), cancellationToken);
            return new Refused(BookingRefusal.HoldExpired, next.NextFree);
        }

        var (manage, code) = (SecretHashing.NewSecret(), BookingCode.New());
        await using var transaction = await context.Database.BeginTransactionAsync(cancellationToken);
        row.Status = BookingStatus.Booked;
        row.HoldExpiresAt = null;
        row.ManageTokenHash = SecretHashing.Hash(manage);
        row.CodeHash = SecretHashing.Hash(BookingCode.Normalize(code)!);
        row.UpdatedAt = now.ToDateTimeUtc();
        await context.SaveChangesAsync(cancellationToken);
        var booked = new Booked(row.Id, manage, code, new Slot(ToInstant(row.Start), ToInstant(row.End), row.CounsellorId));
        await CommitAsync(transaction, booked, row, alongside, cancellationToken);
        return booked;
    }

    public async Task<BookingView?> FindAsync(BookingKey key, CancellationToken cancellationToken = default)
    {
        await using var context = database.CreateContext();
        return await ResolveAsync(context, key, cancellationToken) is { } row ? View(row) : null;
    }

    /// <summary>
    /// "Mein Konto": the signed-in citizen's booked appointments and live holds from <paramref name="since"/> on (at most
    /// <paramref name="limit"/>, earliest first) — only rows stored with their owner token; another identity's never.
    /// </summary>
    public async Task<IReadOnlyList<BookingView>> OwnedAsync(string ownerPseudonym, Instant since, int limit = 50, CancellationToken cancellationToken = default)
    {
        var (token, sinceUtc, nowUtc) = (AccountOwner.Token(database.Platform.Protector, ownerPseudonym), since.ToDateTimeUtc(), Now.ToDateTimeUtc());
        await using var context = database.CreateContext();
        var rows = await context.Bookings.AsNoTracking()
            .Where(b => b.OwnerToken == token && b.End >= sinceUtc && (b.Status == BookingStatus.Booked || (b.Status == BookingStatus.Held && b.HoldExpiresAt > nowUtc)))
            .OrderBy(b => b.Start).Take(limit).ToListAsync(cancellationToken);
        return rows.Select(View).ToList();
    }

    /// <summary>The type of a booking: where to offer other slots after a refusal its link (already checked) led to.</summary>
    public async Task<Guid?> TypeOfAsync(Guid bookingId, CancellationToken cancellationToken = default)
    {
        await using var context = database.CreateContext();
        return await context.Bookings.Where(b => b.Id == bookingId).Select(b => (Guid?)b.TypeId).SingleOrDefaultAsync(cancellationToken);
    }

    /// <summary>Cancels: frees the slot, revokes the manage token and the code, raises the SEQUENCE.</summary>
    public async Task<BookingOutcome> CancelAsync(BookingKey key, CancellationToken cancellationToken = default, Func<StoredStep, CancellationToken, Task>? alongside = null)
    {
        using var gate = await database.Platform.EnterWriteAsync(cancellationToken);
        await using var context = database.CreateContext();
        await using var transaction = await context.Database.BeginTransactionAsync(cancellationToken);
        if (await ResolveAsync(context, key, cancellationToken) is not { } row) return new Refused(BookingRefusal.NotFound);
        if (row.Status == BookingStatus.Cancelled) return new Refused(BookingRefusal.AlreadyCancelled);
        if (row.Status != BookingStatus.Booked) return new Refused(BookingRefusal.NotFound);

        row.Status = BookingStatus.Cancelled;
        row.ManageTokenHash = null;
        row.CodeHash = SecretHashing.Hash(SecretHashing.NewSecret());
        row.Sequence++;
        row.UpdatedAt = Now.ToDateTimeUtc();
        await context.Cells.Where(c => c.BookingId == row.Id).ExecuteDeleteAsync(cancellationToken);
        await context.SaveChangesAsync(cancellationToken);
        var changed = new Changed(View(row));
        await CommitAsync(transaction, changed, row, alongside, cancellationToken);
        return changed;
    }

    /// <summary>Moves to another free slot of the same type (possibly another counsellor of the team); all or nothing. Issues a new manage token.</summary>
    public async Task<BookingOutcome> MoveAsync(BookingKey key, Guid counsellorId, Instant start, CancellationToken cancellationToken = default,
        Func<StoredStep, CancellationToken, Task>? alongside = null)
    {
        BookingRow? current;
        await using (var read = database.CreateContext()) current = await ResolveAsync(read, key, cancellationToken);
        if (current is null) return new Refused(BookingRefusal.NotFound);
        if (current.Status != BookingStatus.Booked) return new Refused(current.Status == BookingStatus.Cancelled ? BookingRefusal.AlreadyCancelled : BookingRefusal.NotFound);
        if (await QueryAsync(current.TypeId, counsellorId, current.Id, cancellationToken) is not { } query) return new Refused(BookingRefusal.UnknownType);
        if (Check(query, counsellorId, start) is { } refused) return refused;

        var (blockedFrom, blockedUntil) = query.Type.Blocked(start);
        using var gate = await database.Platform.EnterWriteAsync(cancellationToken);
        await using var context = database.CreateContext();
        await using var transaction = await context.Database.BeginTransactionAsync(cancellationToken);
        var row = await context.Bookings.SingleAsync(b => b.Id == current.Id, cancellationToken);
        if (row.Sequence != current.Sequence || row.Status != BookingStatus.Booked) return new Refused(BookingRefusal.SlotTaken, []);
        await context.Cells.Where(c => c.BookingId == row.Id).ExecuteDeleteAsync(cancellationToken);
        await ReleaseExpiredHoldsAsync(context, counsellorId, query.Now, cancellationToken);
        row.CounsellorId = counsellorId;
        row.Start = start.ToDateTimeUtc();
        row.End = (start + query.Type.Length).ToDateTimeUtc();
        (row.BlockedFrom, row.BlockedUntil) = (blockedFrom.ToDateTimeUtc(), blockedUntil.ToDateTimeUtc());
        row.Sequence++;
        row.UpdatedAt = query.Now.ToDateTimeUtc();
        var manage = SecretHashing.NewSecret();
        row.ManageTokenHash = SecretHashing.Hash(manage);
        context.Cells.AddRange(Cells(row));
        try
        {
            await context.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException error) when (UniqueViolation.Is(error) || error is DbUpdateConcurrencyException)
        {
            await transaction.RollbackAsync(CancellationToken.None);
            gate.Dispose();
            return await TakenAsync(row.TypeId, counsellorId, start, cancellationToken);
        }

        var changed = new Changed(View(row), manage);
        await CommitAsync(transaction, changed, row, alongside, cancellationToken);
        return changed;
    }

    /// <summary>
    /// A type's slot query with the current bookings and live holds of its counsellors (without <paramref name="except"/>).
    /// <paramref name="around"/>: only what checking one start of <paramref name="namedCounsellor"/> needs — that
    /// counsellor's bookings of the eight days either side (its ISO week with the buffers) — so a booking reads a handful
    /// of rows, not the whole team's horizon; good for <see cref="SlotEngine.IsBookable"/>, not for offering slots.
    /// </summary>
    public async Task<SlotQuery?> QueryAsync(Guid typeId, Guid? namedCounsellor, Guid? except, CancellationToken cancellationToken = default, Instant? around = null)
    {
        if (await setup.TypeAsync(typeId, cancellationToken) is not { } type) return null;
        var owner = await setup.OwnerAsync(type.CentreId, cancellationToken);
        var counsellors = (await setup.CounsellorsAsync(type.CentreId, cancellationToken)).Where(c => type.Counsellors.Contains(c.Id)).ToList();
        List<Guid> ids = around is not null && namedCounsellor is { } one ? [one] : [.. counsellors.Select(c => c.Id)];
        var now = Now;
        var (from, until) = around is { } at ? (at - Duration.FromDays(8), at + Duration.FromDays(8)) : (now - Duration.FromDays(8), now + Duration.FromDays(type.HorizonDays + 2));
        var (nowUtc, skip) = (now.ToDateTimeUtc(), except ?? Guid.Empty);
        var (fromUtc, untilUtc) = (from.ToDateTimeUtc(), until.ToDateTimeUtc());
        await using var context = database.CreateContext();
        var rows = await context.Bookings.AsNoTracking()
            .Where(b => ids.Contains(b.CounsellorId) && b.BlockedUntil > fromUtc && b.BlockedFrom < untilUtc && b.Id != skip
                && (b.Status == BookingStatus.Booked || (b.Status == BookingStatus.Held && b.HoldExpiresAt > nowUtc)))
            .Select(b => new { b.CounsellorId, b.TypeId, b.Start, b.BlockedFrom, b.BlockedUntil })
            .ToListAsync(cancellationToken);
        var busy = rows.Select(b => new Domain.Busy(b.CounsellorId, b.TypeId, ToInstant(b.Start), ToInstant(b.BlockedFrom), ToInstant(b.BlockedUntil))).ToList();
        return new SlotQuery(type, counsellors, owner?.State, busy, now, namedCounsellor);
    }

    private static Refused? Check(SlotQuery query, Guid counsellorId, Instant start)
    {
        if (start < query.Now) return new Refused(BookingRefusal.SlotInPast);
        if (!SlotEngine.IsBookable(query with { Busy = [] }, counsellorId, start)) return new Refused(BookingRefusal.OutsideAvailability);
        return SlotEngine.IsBookable(query, counsellorId, start) ? null : new Refused(BookingRefusal.SlotTaken, NextFree(query, start));
    }

    private async Task<Refused> TakenAsync(Guid typeId, Guid counsellorId, Instant start, CancellationToken cancellationToken) =>
        new(BookingRefusal.SlotTaken, await QueryAsync(typeId, counsellorId, null, cancellationToken) is { } query ? NextFree(query, start) : []);

    /// <summary>The next free slots from the wanted start on (or the first ones, when none follow).</summary>
    private static IReadOnlyList<Slot> NextFree(SlotQuery query, Instant start)
    {
        var free = SlotEngine.FreeSlots(query);
        var after = free.Where(s => s.Start >= start).Take(3).ToList();
        return after.Count > 0 ? after : free.Take(3).ToList();
    }

    /// <summary>
    /// Inserts booking and cells; false when the database refuses a cell. Most inserts meet no hold past its time, so
    /// such holds are released (and the insert tried once more) only when a cell is refused — two statements fewer per booking.
    /// </summary>
    private async Task<bool> InsertAsync(BookingRow row, BookingOutcome outcome, Instant now, Func<StoredStep, CancellationToken, Task>? alongside, CancellationToken cancellationToken)
    {
        using var gate = await database.Platform.EnterWriteAsync(cancellationToken);
        for (var releaseHolds = false; ; releaseHolds = true)
        {
            await using var context = database.CreateContext();
            await using var transaction = await context.Database.BeginTransactionAsync(cancellationToken);
            if (releaseHolds) await ReleaseExpiredHoldsAsync(context, row.CounsellorId, now, cancellationToken);
            context.Bookings.Add(row);
            context.Cells.AddRange(Cells(row));
            try
            {
                await context.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException error) when (UniqueViolation.Is(error))
            {
                await transaction.RollbackAsync(CancellationToken.None);
                if (releaseHolds) return false;
                continue;
            }

            await CommitAsync(transaction, outcome, row, alongside, cancellationToken);
            return true;
        }
    }

    /// <summary>Runs the work that belongs to the step inside its transaction, then commits both (a failure of either rolls back both).</summary>
    private async Task CommitAsync(IDbContextTransaction transaction, BookingOutcome outcome, BookingRow row, Func<StoredStep, CancellationToken, Task>? alongside, CancellationToken cancellationToken)
    {
        if (alongside is not null) await alongside(new StoredStep(outcome, View(row), transaction.GetDbTransaction()), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Holds past their expiry give their cells back (inside the writer's transaction, so a new booking can take them).</summary>
    private static async Task ReleaseExpiredHoldsAsync(AppointmentsDbContext context, Guid counsellorId, Instant now, CancellationToken cancellationToken)
    {
        var nowUtc = now.ToDateTimeUtc();
        var expired = context.Bookings.Where(b => b.CounsellorId == counsellorId && b.Status == BookingStatus.Held && b.HoldExpiresAt <= nowUtc);
        await context.Cells.Where(c => expired.Select(b => b.Id).Contains(c.BookingId)).ExecuteDeleteAsync(cancellationToken);
        await expired.ExecuteUpdateAsync(s => s.SetProperty(b => b.Status, BookingStatus.Expired), cancellationToken);
    }

    private static IEnumerable<BookingCellRow> Cells(BookingRow row) =>
        SlotGrid.Cells(ToInstant(row.BlockedFrom), ToInstant(row.BlockedUntil)).Select(cell => new BookingCellRow { CounsellorId = row.CounsellorId, Cell = cell.ToDateTimeUtc(), BookingId = row.Id });

    private async Task<BookingRow?> ResolveAsync(AppointmentsDbContext context, BookingKey key, CancellationToken cancellationToken)
    {
        switch (key)
        {
            case BookingKey.Token token:
                var byToken = await context.Bookings.SingleOrDefaultAsync(b => b.Id == token.BookingId, cancellationToken);
                return byToken?.ManageTokenHash is { } hash && SecretHashing.Matches(token.ManageToken, hash) ? byToken : null;
            case BookingKey.CodeAndName byCode:
                if (BookingCode.Normalize(byCode.Code) is not { } code) return null;
                var codeHash = SecretHashing.Hash(code);
                var row = await context.Bookings.SingleOrDefaultAsync(b => b.CodeHash == codeHash && b.Status == BookingStatus.Booked, cancellationToken);
                var name = row is null ? null : database.Platform.Protector.UnprotectText(row.NameCipher, row.Id);
                return name is not null && string.Equals(name, byCode.Name.Trim(), StringComparison.OrdinalIgnoreCase) ? row : null;
            case BookingKey.Owner owner:
                var ownerToken = AccountOwner.Token(database.Platform.Protector, owner.OwnerPseudonym);
                return await context.Bookings.SingleOrDefaultAsync(b => b.Id == owner.BookingId && b.OwnerToken == ownerToken, cancellationToken);
            case BookingKey.Staff staff:
                return await context.Bookings.SingleOrDefaultAsync(b => b.Id == staff.BookingId && b.CentreId == staff.CentreId, cancellationToken);
            default:
                return null;
        }
    }

    internal BookingView View(BookingRow row)
    {
        var protector = database.Platform.Protector;
        return new BookingView(row.Id, row.CentreId, row.TypeId, row.CounsellorId, ToInstant(row.Start), ToInstant(row.End), row.Status,
            protector.UnprotectText(row.NameCipher, row.Id), row.EmailCipher is null ? null : protector.UnprotectText(row.EmailCipher, row.Id),
            row.Language, row.Sequence, row.NoShow,
            row.PhoneCipher is null ? null : protector.UnprotectText(row.PhoneCipher, row.Id), row.ConcernCipher is null ? null : protector.UnprotectText(row.ConcernCipher, row.Id));
    }

    internal static Instant ToInstant(DateTime utc) => NodaTime.Instant.FromDateTimeUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc));
}

/// <summary>How long a hold waits for the double opt-in (default 15 minutes).</summary>
public sealed record BookingOptions
{
    public Duration Hold { get; init; } = Duration.FromMinutes(15);
}
