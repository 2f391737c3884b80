using Microsoft.EntityFrameworkCore;
using NodaTime;
using Sozialplattform.Appointments.Booking;
using Sozialplattform.Appointments.Domain;
using Sozialplattform.Appointments.Tests.Infrastructure;
using Sozialplattform.Delivery.Tests.Infrastructure;
using Sozialplattform.Storage.Submissions;
using static Sozialplattform.Appointments.Tests.Infrastructure.BookingScenario;
using static Sozialplattform.Appointments.Tests.Infrastructure.TestSchedules;

namespace Sozialplattform.Appointments.Tests.Storage;

/// <summary>
/// What a type asks when booking, a deactivated type, and the owner of a booking made while signed in — on the real
/// databases: every bad answer is refused with its field and stores nothing; a question the type does not ask is not
/// stored even when sent; only the owner's keyed token is stored, never the login's pseudonym.
/// </summary>
public abstract class BookingAnswersStoreTests(DatabaseTarget target)
{
    private static readonly BookingQuestions PhoneAndConcern = new() { Name = Ask.Optional, Email = Ask.NotAsked, Phone = Ask.Required, Concern = Ask.Optional, ConcernMaxLength = 40 };

    private static async Task<BookingScenario> WithQuestionsAsync(DatabaseTarget target, BookingQuestions questions)
    {
        var scenario = await CreateAsync(target);
        (await scenario.Setup.SaveTypeAsync(FirstMeeting(Anna) with { Questions = questions })).ShouldBeEmpty();
        return scenario;
    }

    private static BookingRequest Request(BookingScenario scenario, string name = "Kim", string? email = null, string? phone = null, string? concern = null, string? owner = null) =>
        new(scenario.TypeId, Anna, MondayTen, name, email, "de", phone, concern, owner);

    [SkippableFact]
    public async Task A_missing_required_phone_a_too_long_concern_and_control_characters_are_each_refused_with_their_field_and_nothing_is_stored()
    {
        var scenario = await WithQuestionsAsync(target, PhoneAndConcern);

        var missing = (await scenario.Store.BookAsync(Request(scenario, phone: "  "))).ShouldBeOfType<Refused>();
        var all = (await scenario.Store.BookAsync(Request(scenario, name: "Kim\u0007", phone: "0221 abc", concern: new string('x', 41)))).ShouldBeOfType<Refused>();
        var control = (await scenario.Store.BookAsync(Request(scenario, phone: "+49 221 123456", concern: "Hilfe\u0000"))).ShouldBeOfType<Refused>();

        missing.Problems!.Select(p => (p.Field, p.Reason)).ShouldBe([("phone", BookingRefusal.PhoneMissing)]);
        all.Problems!.Select(p => (p.Field, p.Reason)).ShouldBe([("name", BookingRefusal.NameMalformed), ("phone", BookingRefusal.PhoneMalformed), ("concern", BookingRefusal.ConcernTooLong)]);
        all.Problems![2].Arguments.ShouldBe([40]);
        control.Problems!.Single().Reason.ShouldBe(BookingRefusal.ConcernMalformed);
        (await scenario.CountAsync()).ShouldBe((0, 0));
    }

    [SkippableFact]
    public async Task Answers_are_stored_encrypted_as_the_type_asks_and_a_question_it_does_not_ask_is_dropped_even_when_sent()
    {
        var scenario = await WithQuestionsAsync(target, PhoneAndConcern);

        var booked = (await scenario.Store.BookAsync(Request(scenario, name: "", email: "kim@example.org", phone: " +49 221 123456 ", concern: "Schulden\r\nund Miete"))).ShouldBeOfType<Booked>();

        var view = (await scenario.Store.FindAsync(new BookingKey.Token(booked.BookingId, booked.ManageToken)))!;
        (view.Name, view.Email, view.Phone, view.Concern).ShouldBe(("", null, "+49 221 123456", "Schulden\nund Miete"));
        await using var context = scenario.Database.CreateContext();
        var row = await context.Bookings.SingleAsync();
        row.EmailCipher.ShouldBeNull("the type does not ask for an e-mail address, so none is stored (and no hold is made)");
        row.Status.ShouldBe(Sozialplattform.Appointments.Storage.BookingStatus.Booked);
        System.Text.Encoding.UTF8.GetString(row.PhoneCipher!).ShouldNotContain("221");
    }

    [SkippableFact]
    public async Task A_required_email_leads_to_the_hold_and_without_it_the_booking_is_refused()
    {
        var scenario = await WithQuestionsAsync(target, new BookingQuestions { Email = Ask.Required });

        (await scenario.Store.BookAsync(Request(scenario))).ShouldBeOfType<Refused>().Reason.ShouldBe(BookingRefusal.EmailMissing);
        (await scenario.CountAsync()).ShouldBe((0, 0));
        (await scenario.Store.BookAsync(Request(scenario, email: "kim@example.org"))).ShouldBeOfType<Held>();
    }

    [SkippableFact]
    public async Task A_deactivated_type_takes_no_booking_but_its_bookings_can_still_be_moved_and_cancelled()
    {
        var scenario = await CreateAsync(target);
        var booked = (await scenario.BookAsync(MondayTen)).ShouldBeOfType<Booked>();

        (await scenario.Setup.SetActiveAsync(Centre, scenario.TypeId, active: false)).ShouldBeTrue();

        (await scenario.Setup.TypesAsync(Centre)).ShouldBeEmpty();
        (await scenario.Setup.AllTypesAsync(Centre)).Single().Active.ShouldBeFalse();
        (await scenario.BookAsync(MondayEleven)).ShouldBeOfType<Refused>().Reason.ShouldBe(BookingRefusal.TypeInactive);
        (await scenario.CountAsync()).ShouldBe((1, 12));
        var moved = (await scenario.Store.MoveAsync(new BookingKey.Token(booked.BookingId, booked.ManageToken), Anna, MondayEleven)).ShouldBeOfType<Changed>();
        moved.Booking.Start.ShouldBe(MondayEleven);
        (await scenario.Store.CancelAsync(new BookingKey.Token(booked.BookingId, moved.ManageToken!))).ShouldBeOfType<Changed>();
        (await scenario.Setup.SetActiveAsync(Guid.NewGuid(), scenario.TypeId, active: true)).ShouldBeFalse("another centre cannot switch it");
        (await scenario.Setup.SetActiveAsync(Centre, scenario.TypeId, active: true)).ShouldBeTrue();
        (await scenario.BookAsync(MondayNine)).ShouldBeOfType<Booked>();
    }

    [SkippableFact]
    public async Task A_booking_made_while_signed_in_keeps_only_the_owners_keyed_token_and_is_found_by_that_owner_alone()
    {
        var scenario = await CreateAsync(target);
        const string erika = "pseudonym-of-erika", max = "pseudonym-of-max";

        var booked = (await scenario.Store.BookAsync(Request(scenario, owner: erika))).ShouldBeOfType<Booked>();
        (await scenario.BookAsync(MondayNine)).ShouldBeOfType<Booked>(); // anonymous

        await using (var context = scenario.Database.CreateContext())
        {
            var owners = await context.Bookings.Select(b => b.OwnerToken).ToListAsync();
            owners.ShouldBe([AccountOwner.Token(scenario.Database.Platform.Protector, erika), null], ignoreOrder: true);
            owners.ShouldNotContain(erika);
        }

        var since = MondayNine - Duration.FromDays(1);
        (await scenario.Store.OwnedAsync(erika, since)).Select(b => b.Id).ShouldBe([booked.BookingId]);
        (await scenario.Store.OwnedAsync(max, since)).ShouldBeEmpty();
        (await scenario.Store.FindAsync(new BookingKey.Owner(booked.BookingId, max))).ShouldBeNull();
        (await scenario.Store.CancelAsync(new BookingKey.Owner(booked.BookingId, max))).ShouldBeOfType<Refused>().Reason.ShouldBe(BookingRefusal.NotFound);
        (await scenario.Store.CancelAsync(new BookingKey.Owner(booked.BookingId, erika))).ShouldBeOfType<Changed>();
        (await scenario.Store.OwnedAsync(erika, since)).ShouldBeEmpty("a cancelled appointment leaves the list");
    }
}

public sealed class BookingAnswersStoreSqliteTests(SqliteTarget target) : BookingAnswersStoreTests(target), IClassFixture<SqliteTarget>;

public sealed class BookingAnswersStorePostgresTests(PostgresTarget target) : BookingAnswersStoreTests(target), IClassFixture<PostgresTarget>;
