using Microsoft.EntityFrameworkCore;
using NodaTime;
using Sozialplattform.Appointments.Booking;
using Sozialplattform.Appointments.Storage;
using Sozialplattform.Appointments.Tests.Infrastructure;
using Sozialplattform.Delivery.Tests.Infrastructure;
using Sozialplattform.Storage.Notifications;
using static Sozialplattform.Appointments.Tests.Infrastructure.BookingScenario;
using static Sozialplattform.Appointments.Tests.Infrastructure.TestSchedules;

namespace Sozialplattform.Appointments.Tests.Storage;

public abstract class BookingStoreTests(DatabaseTarget target)
{
    [SkippableFact]
    public async Task Fifty_simultaneous_bookings_of_one_slot_give_it_to_exactly_one_and_tell_the_others_it_was_just_taken_with_the_next_free_slots()
    {
        var scenario = await CreateAsync(target);
        using var start = new ManualResetEventSlim();

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 50).Select(i => Task.Run(async () =>
        {
            start.Wait();
            return await scenario.BookAsync(MondayTen, $"Person {i}");
        })).Append(Task.Run(() => { start.Set(); return (BookingOutcome)new Refused(BookingRefusal.NotFound); })));

        var real = outcomes[..50];
        real.OfType<Booked>().Count().ShouldBe(1);
        var refused = real.OfType<Refused>().ToList();
        refused.Count.ShouldBe(49);
        refused.ShouldAllBe(r => r.Reason == BookingRefusal.SlotTaken);
        refused.ShouldAllBe(r => r.NextFree.Count > 0 && r.NextFree.All(s => s.Start >= MondayTen.Plus(Duration.FromHours(1))));
        (await scenario.CountAsync()).ShouldBe((1, 12)); // one booking: 50 minutes + 10 after = twelve five-minute cells
    }

    [SkippableFact]
    public async Task An_overlapping_booking_that_slipped_past_the_check_is_refused_by_the_database_itself()
    {
        var scenario = await CreateAsync(target);
        var booked = (Booked)await scenario.BookAsync(MondayTen);

        await using var context = scenario.Database.CreateContext();
        // another booking 10:30–11:20 of the same counsellor shares the cells 10:30–11:00
        context.Cells.Add(new BookingCellRow { CounsellorId = Anna, Cell = MondayTen.Plus(Duration.FromMinutes(30)).ToDateTimeUtc(), BookingId = Guid.NewGuid() });
        var error = await Should.ThrowAsync<DbUpdateException>(() => context.SaveChangesAsync());

        UniqueViolation.Is(error).ShouldBeTrue();
        (await scenario.Store.FindAsync(new BookingKey.Token(booked.BookingId, booked.ManageToken)))!.Start.ShouldBe(MondayTen);
    }

    [SkippableFact]
    public async Task Without_email_the_booking_is_made_at_once_and_its_token_code_name_are_stored_only_as_hashes_or_encrypted()
    {
        var scenario = await CreateAsync(target);

        var booked = (await scenario.BookAsync(MondayTen, "Kim Muster")).ShouldBeOfType<Booked>();

        booked.ManageToken.Length.ShouldBeGreaterThanOrEqualTo(43); // 256 bits, base64url
        booked.Code.ShouldMatch("^[A-Z2-9]{5}-[A-Z2-9]{5}$");
        await using var context = scenario.Database.CreateContext();
        var row = await context.Bookings.SingleAsync();
        row.Status.ShouldBe(BookingStatus.Booked);
        row.ManageTokenHash.ShouldNotBe(booked.ManageToken);
        row.ManageTokenHash!.ShouldNotContain(booked.ManageToken[..10]);
        row.CodeHash.ShouldNotContain(booked.Code[..5]);
        System.Text.Encoding.UTF8.GetString(row.NameCipher).ShouldNotContain("Kim");
        (await scenario.Store.FreeSlotsAsync(scenario.TypeId)).ShouldNotContain(s => s.Start == MondayTen);
    }

    [SkippableFact]
    public async Task A_manage_token_opens_only_its_own_booking_and_neither_altered_nor_after_cancellation()
    {
        var scenario = await CreateAsync(target);
        var mine = (Booked)await scenario.BookAsync(MondayNine, "Kim");
        var other = (Booked)await scenario.BookAsync(MondayEleven, "Alex");
        var store = scenario.Store;

        (await store.FindAsync(new BookingKey.Token(mine.BookingId, mine.ManageToken)))!.Name.ShouldBe("Kim");
        (await store.FindAsync(new BookingKey.Token(mine.BookingId, other.ManageToken))).ShouldBeNull();           // another booking's token
        (await store.FindAsync(new BookingKey.Token(mine.BookingId, mine.ManageToken[..^1] + (mine.ManageToken[^1] == 'A' ? 'B' : 'A')))).ShouldBeNull(); // altered
        (await store.CancelAsync(new BookingKey.Token(other.BookingId, mine.ManageToken))).ShouldBe(new Refused(BookingRefusal.NotFound));

        (await store.CancelAsync(new BookingKey.Token(mine.BookingId, mine.ManageToken))).ShouldBeOfType<Changed>().Booking.Sequence.ShouldBe(1);
        (await store.FindAsync(new BookingKey.Token(mine.BookingId, mine.ManageToken))).ShouldBeNull();             // revoked
        (await store.CancelAsync(new BookingKey.Token(mine.BookingId, mine.ManageToken))).ShouldBe(new Refused(BookingRefusal.NotFound));
        (await store.FindAsync(new BookingKey.CodeAndName(mine.Code, "Kim"))).ShouldBeNull();                      // the code is revoked too
        (await store.FindAsync(new BookingKey.Token(other.BookingId, other.ManageToken))).ShouldNotBeNull();
    }

    [SkippableFact]
    public async Task The_booking_code_with_the_pseudonym_opens_the_booking_and_with_another_name_it_does_not()
    {
        var scenario = await CreateAsync(target);
        var booked = (Booked)await scenario.BookAsync(MondayNine, "Kim");

        (await scenario.Store.FindAsync(new BookingKey.CodeAndName(booked.Code.ToLowerInvariant().Replace("-", " "), " kim ")))!.Id.ShouldBe(booked.BookingId);
        (await scenario.Store.FindAsync(new BookingKey.CodeAndName(booked.Code, "Alex"))).ShouldBeNull();
        (await scenario.Store.FindAsync(new BookingKey.CodeAndName("<script>", "Kim"))).ShouldBeNull();
    }

    [SkippableFact]
    public async Task With_email_the_slot_is_held_until_the_link_is_followed_and_a_late_link_is_told_the_hold_expired()
    {
        var scenario = await CreateAsync(target);

        var held = (await scenario.BookAsync(MondayTen, "Kim", "kim@example.org")).ShouldBeOfType<Held>();
        held.ExpiresAt.ShouldBe(scenario.Store.Now + Duration.FromMinutes(15));
        (await scenario.BookAsync(MondayTen, "Alex")).ShouldBeOfType<Refused>().Reason.ShouldBe(BookingRefusal.SlotTaken);

        var confirmed = (await scenario.Store.ConfirmAsync(held.BookingId, held.ConfirmToken)).ShouldBeOfType<Booked>();
        (await scenario.Store.FindAsync(new BookingKey.Token(confirmed.BookingId, confirmed.ManageToken)))!.Email.ShouldBe("kim@example.org");
        (await scenario.Store.ConfirmAsync(held.BookingId, held.ConfirmToken)).ShouldBe(new Refused(BookingRefusal.AlreadyConfirmed)); // replayed link
        (await scenario.Store.ConfirmAsync(held.BookingId, "x" + held.ConfirmToken)).ShouldBe(new Refused(BookingRefusal.NotFound));

        var late = (Held)await scenario.BookAsync(MondayEleven, "Sam", "sam@example.org");
        scenario.Clock.Advance(TimeSpan.FromMinutes(16));
        (await scenario.Store.FreeSlotsAsync(scenario.TypeId)).ShouldContain(s => s.Start == MondayEleven);
        (await scenario.BookAsync(MondayEleven, "Alex")).ShouldBeOfType<Booked>();
        (await scenario.Store.ConfirmAsync(late.BookingId, late.ConfirmToken)).ShouldBeOfType<Refused>().Reason.ShouldBe(BookingRefusal.HoldExpired);
    }

    [SkippableFact]
    public async Task An_expired_hold_gives_its_slot_to_the_next_seeker()
    {
        var scenario = await CreateAsync(target);
        scenario.Clock.Advance(TimeSpan.FromDays(1)); // Tuesday 06:30
        var tuesdayTen = At(2026, 12, 8, 10);
        var held = (Held)await scenario.BookAsync(tuesdayTen, "Kim", "kim@example.org");

        scenario.Clock.Advance(TimeSpan.FromMinutes(15));

        (await scenario.BookAsync(tuesdayTen, "Alex")).ShouldBeOfType<Booked>();
        (await scenario.Store.ConfirmAsync(held.BookingId, held.ConfirmToken)).ShouldBeOfType<Refused>().Reason.ShouldBe(BookingRefusal.HoldExpired);
        (await scenario.CountAsync()).Cells.ShouldBe(12);
    }

    [SkippableFact]
    public async Task Each_kind_of_bad_input_gets_its_own_reason_and_nothing_is_stored()
    {
        var scenario = await CreateAsync(target);
        await scenario.BookAsync(MondayEleven, "Kim");
        var before = await scenario.CountAsync();

        (await scenario.BookAsync(At(2026, 12, 7, 6))).ShouldBe(new Refused(BookingRefusal.SlotInPast));
        (await scenario.BookAsync(At(2026, 12, 7, 8))).ShouldBe(new Refused(BookingRefusal.OutsideAvailability));      // before opening (and within the notice)
        (await scenario.BookAsync(At(2026, 12, 7, 13))).ShouldBe(new Refused(BookingRefusal.OutsideAvailability));
        (await scenario.BookAsync(At(2026, 12, 7, 9, 15))).ShouldBe(new Refused(BookingRefusal.OutsideAvailability)); // off the interval
        (await scenario.BookAsync(At(2027, 3, 1, 9))).ShouldBe(new Refused(BookingRefusal.OutsideAvailability));      // beyond the horizon
        (await scenario.BookAsync(MondayNine, counsellor: Ben)).ShouldBe(new Refused(BookingRefusal.OutsideAvailability)); // Ben does not take this type
        (await scenario.BookAsync(MondayEleven)).ShouldBeOfType<Refused>().Reason.ShouldBe(BookingRefusal.SlotTaken);
        (await scenario.BookAsync(MondayNine, "Kim", "kim@example")).ShouldBeOfType<Refused>().Reason.ShouldBe(BookingRefusal.EmailMalformed);
        (await scenario.BookAsync(MondayNine, "Kim", "Kim <kim@example.org>")).ShouldBeOfType<Refused>().Reason.ShouldBe(BookingRefusal.EmailMalformed);
        (await scenario.BookAsync(MondayNine, "Kim", "a@example.org, b@example.org")).ShouldBeOfType<Refused>().Reason.ShouldBe(BookingRefusal.EmailMalformed);
        (await scenario.BookAsync(MondayNine, "  ")).ShouldBeOfType<Refused>().Reason.ShouldBe(BookingRefusal.NameMissing);
        (await scenario.BookAsync(MondayNine, new string('x', 81))).ShouldBeOfType<Refused>().Reason.ShouldBe(BookingRefusal.NameTooLong);
        (await scenario.BookAsync(MondayNine, "Kim\u0000")).ShouldBeOfType<Refused>().Reason.ShouldBe(BookingRefusal.NameMalformed);
        (await scenario.Store.BookAsync(new BookingRequest(Guid.NewGuid(), Anna, MondayNine, "Kim", null, "de"))).ShouldBe(new Refused(BookingRefusal.UnknownType));

        (await scenario.CountAsync()).ShouldBe(before);
    }

    [SkippableFact]
    public async Task Moving_takes_the_new_slot_frees_the_old_one_and_raises_the_sequence_and_onto_a_taken_slot_changes_nothing()
    {
        var scenario = await CreateAsync(target);
        var mine = (Booked)await scenario.BookAsync(MondayNine, "Kim");
        await scenario.BookAsync(MondayEleven, "Alex");
        var key = new BookingKey.Token(mine.BookingId, mine.ManageToken);

        var change = (await scenario.Store.MoveAsync(key, Anna, MondayTen)).ShouldBeOfType<Changed>();
        (change.Booking.Start, change.Booking.Sequence).ShouldBe((MondayTen, 1));
        (await scenario.Store.FindAsync(key)).ShouldBeNull(); // the old link no longer works
        key = new BookingKey.Token(mine.BookingId, change.ManageToken!);
        (await scenario.BookAsync(MondayNine, "Sam")).ShouldBeOfType<Booked>();

        (await scenario.Store.MoveAsync(key, Anna, MondayEleven)).ShouldBeOfType<Refused>().Reason.ShouldBe(BookingRefusal.SlotTaken);
        (await scenario.Store.MoveAsync(key, Anna, At(2026, 12, 7, 6))).ShouldBe(new Refused(BookingRefusal.SlotInPast));
        var unchanged = (await scenario.Store.FindAsync(key))!;
        (unchanged.Start, unchanged.Sequence).ShouldBe((MondayTen, 1));
        (await scenario.CountAsync()).Cells.ShouldBe(36);
    }

    [SkippableFact]
    public async Task A_step_and_its_mail_are_stored_together_or_not_at_all()
    {
        var scenario = await CreateAsync(target);
        var queue = new MailQueue(scenario.Database.Platform, scenario.Clock);
        var mail = new QueuedMail("kim@example.org", "Termin bei Beratung Mitte", "Text", "de");
        async Task<int> MailsAsync()
        {
            await using var context = scenario.Database.Platform.CreateContext();
            return await context.Notifications.CountAsync();
        }

        var before = await MailsAsync();

        // the mail is queued inside the step's transaction, then the host "crashes" before the commit
        await Should.ThrowAsync<IOException>(() => scenario.Store.BookAsync(new BookingRequest(scenario.TypeId, Anna, MondayTen, "Kim", null, "de"), alongside: async (step, token) =>
        {
            await queue.EnqueueAsync("nrw", "appointment.confirmed", mail, cancellationToken: token, enlistIn: step.Transaction);
            throw new IOException("crash between the booking and its mail");
        }));

        (await scenario.CountAsync()).ShouldBe((0, 0));
        (await MailsAsync()).ShouldBe(before);

        var booked = (await scenario.Store.BookAsync(new BookingRequest(scenario.TypeId, Anna, MondayTen, "Kim", null, "de"),
            alongside: (step, token) => queue.EnqueueAsync("nrw", "appointment.confirmed", mail, cancellationToken: token, enlistIn: step.Transaction))).ShouldBeOfType<Booked>();
        (await scenario.CountAsync()).ShouldBe((1, 12));
        (await MailsAsync()).ShouldBe(before + 1);
        await Should.ThrowAsync<IOException>(() => scenario.Store.CancelAsync(new BookingKey.Token(booked.BookingId, booked.ManageToken), alongside: (_, _) => throw new IOException("crash")));
        (await scenario.Store.FindAsync(new BookingKey.Token(booked.BookingId, booked.ManageToken)))!.Status.ShouldBe(BookingStatus.Booked); // the cancellation rolled back whole
        (await scenario.CountAsync()).ShouldBe((1, 12));
    }
}

public sealed class BookingStoreSqliteTests(SqliteTarget target) : BookingStoreTests(target), IClassFixture<SqliteTarget>;

public sealed class BookingStorePostgresTests(PostgresTarget target) : BookingStoreTests(target), IClassFixture<PostgresTarget>;
