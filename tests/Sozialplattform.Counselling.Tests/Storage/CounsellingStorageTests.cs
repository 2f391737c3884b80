using System.Text;
using Microsoft.EntityFrameworkCore;
using Sozialplattform.Counselling.Conversations;
using Sozialplattform.Counselling.Seekers;
using Sozialplattform.Counselling.Storage;
using Sozialplattform.Counselling.Tests.Infrastructure;
using Sozialplattform.Delivery.Tests.Infrastructure;
using static Sozialplattform.Counselling.Tests.Infrastructure.CounsellingScenario;

namespace Sozialplattform.Counselling.Tests.Storage;

public abstract class CounsellingStorageTests(DatabaseTarget target)
{
    [SkippableFact]
    public async Task A_seeker_is_stored_with_the_pseudonym_and_email_only_encrypted_and_password_and_recovery_code_only_as_hashes()
    {
        var scenario = await CreateAsync(target);

        var registration = await scenario.SeekerAsync("Nachtfalter", "falter@example.org");

        registration.RecoveryCode.ShouldMatch("^[A-Z2-9]{4}(-[A-Z2-9]{4}){4}$");
        await using var context = scenario.Database.CreateContext();
        var row = await context.Seekers.SingleAsync();
        var stored = Encoding.UTF8.GetString([.. row.PseudonymCipher, .. row.EmailCipher!]) + row.PseudonymIndex + row.PasswordHash + row.RecoveryCodeHash;
        stored.ShouldNotContain("Nachtfalter");
        stored.ShouldNotContain("falter@example.org");
        stored.ShouldNotContain(Password);
        stored.ShouldNotContain(registration.RecoveryCode.Replace("-", ""));
        row.PasswordHash.ShouldStartWith("pbkdf2-sha256$");
        scenario.Accounts.Pseudonym(row).ShouldBe("Nachtfalter");
        scenario.Accounts.Email(row).ShouldBe("falter@example.org");
    }

    [SkippableFact]
    public async Task A_pseudonym_taken_in_another_case_or_spacing_is_refused_and_the_first_seeker_stays_as_they_were()
    {
        var scenario = await CreateAsync(target);
        var first = await scenario.SeekerAsync("Anna K");

        var (second, errors) = await scenario.Accounts.RegisterAsync("test", "  anna   k ", "Ganz-anderes-Kennwort", null, "de");

        second.ShouldBeNull();
        errors.Single().Code.ShouldBe("pseudonymTaken");
        (await scenario.Accounts.CheckAsync("test", "ANNA K", Password)).ShouldNotBeNull().Id.ShouldBe(first.Seeker.Id);
        (await scenario.Accounts.RegisterAsync("other-tenant", "Anna K", Password, null, "de")).Registration.ShouldNotBeNull();
    }

    [SkippableFact]
    public async Task The_same_pseudonym_registered_twenty_times_at_once_makes_exactly_one_seeker()
    {
        var scenario = await CreateAsync(target);

        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(() => scenario.Accounts.RegisterAsync("test", "Zugleich", Password, null, "de"))));

        results.Count(r => r.Registration is not null).ShouldBe(1);
        results.Where(r => r.Registration is null).ShouldAllBe(r => r.Errors.Single().Code == "pseudonymTaken");
        await using var context = scenario.Database.CreateContext();
        (await context.Seekers.CountAsync()).ShouldBe(1);
    }

    [SkippableFact]
    public async Task A_reset_with_the_recovery_code_keeps_every_message_readable_and_gives_a_new_code_while_the_old_code_and_password_stop_working()
    {
        var scenario = await CreateAsync(target);
        var (seeker, conversationId) = await scenario.EnquiryAsync();
        await scenario.Desk.TakeAsync(scenario.Anna, conversationId);
        await scenario.Desk.ReplyAsync(scenario.Anna, conversationId, "Wir helfen Ihnen gern.");

        (await scenario.Accounts.ResetAsync("test", "Nachtfalter", "AAAA-BBBB-CCCC-DDDD-EEEE", "Neues-Kennwort-2027")).ShouldBeNull();
        var reset = (await scenario.Accounts.ResetAsync("test", "nachtfalter", seeker.RecoveryCode.ToLowerInvariant().Replace("-", " "), "Neues-Kennwort-2027")).ShouldNotBeNull();

        reset.RecoveryCode.ShouldNotBe(seeker.RecoveryCode);
        reset.Seeker.SecurityStamp.ShouldNotBe(seeker.Seeker.SecurityStamp);
        (await scenario.Accounts.CheckAsync("test", "Nachtfalter", Password)).ShouldBeNull();
        var signedIn = (await scenario.Accounts.CheckAsync("test", "Nachtfalter", "Neues-Kennwort-2027")).ShouldNotBeNull();
        (await scenario.Accounts.ResetAsync("test", "Nachtfalter", seeker.RecoveryCode, "Drittes-Kennwort-2028")).ShouldBeNull();
        var thread = (await scenario.Seekers.OpenAsync(signedIn, conversationId)).ShouldNotBeNull();
        thread.Messages.Select(m => (m.Author, m.Text)).ShouldBe([(MessageAuthor.Seeker, "Ich habe Schulden und weiß nicht weiter."), (MessageAuthor.Counsellor, "Wir helfen Ihnen gern.")]);
    }

    [SkippableFact]
    public async Task Message_bodies_are_stored_only_encrypted_with_a_key_per_conversation_that_is_stored_only_wrapped_by_the_data_key()
    {
        var scenario = await CreateAsync(target);
        var (_, first) = await scenario.EnquiryAsync("Erste", "Geheimer Inhalt eins");
        var (_, second) = await scenario.EnquiryAsync("Zweite", "Geheimer Inhalt zwei");

        await using var context = scenario.Database.CreateContext();
        var messages = await context.Messages.ToListAsync();
        messages.ShouldAllBe(m => !Encoding.UTF8.GetString(m.BodyCipher).Contains("Geheimer"));
        var conversations = await context.Conversations.ToDictionaryAsync(c => c.Id);
        var keys = conversations.Values.Select(c => scenario.Database.Platform.Protector.Unprotect(c.WrappedKey, c.Id)).ToList();
        keys.ShouldAllBe(k => k.Length == 32);
        keys[0].ShouldNotBe(keys[1]);
        // the data key alone does not open a body: it needs its conversation's key
        Should.Throw<System.Security.Cryptography.CryptographicException>(() => scenario.Database.Platform.Protector.Unprotect(messages[0].BodyCipher, messages[0].Id));
        // a body moved into the other conversation does not decrypt there
        var moved = messages.Single(m => m.ConversationId == first);
        moved.ConversationId = second;
        await context.SaveChangesAsync();
        var seekerTwo = (await scenario.Accounts.CheckAsync("test", "Zweite", Password))!;
        await Should.ThrowAsync<System.Security.Cryptography.CryptographicException>(() => scenario.Seekers.OpenAsync(seekerTwo, second));
    }

    [SkippableFact]
    public async Task Twenty_counsellors_taking_one_enquiry_at_once_give_it_to_exactly_one()
    {
        var scenario = await CreateAsync(target);
        var (_, conversationId) = await scenario.EnquiryAsync();
        var counsellors = Enumerable.Range(0, 20).Select(i => new Counsellor(Guid.NewGuid(), $"c{i}", new Dictionary<Guid, TeamRole> { [CentreA] = TeamRole.Counsellor })).ToList();

        var outcomes = await Task.WhenAll(counsellors.Select(c => Task.Run(() => scenario.Desk.TakeAsync(c, conversationId))));

        outcomes.Count(o => o.Result == StepResult.Done).ShouldBe(1);
        outcomes.Count(o => o.Result == StepResult.WrongState).ShouldBe(19);
        var winner = counsellors[Array.FindIndex(outcomes, o => o.Result == StepResult.Done)];
        (await scenario.Desk.OpenAsync(winner, conversationId)).ShouldNotBeNull().CounsellorId.ShouldBe(winner.AccountId);
    }

    [SkippableFact]
    public async Task A_counsellor_of_another_centre_reads_takes_answers_and_closes_nothing_even_by_id_and_every_attempt_is_audited()
    {
        var scenario = await CreateAsync(target);
        var (_, conversationId) = await scenario.EnquiryAsync();

        (await scenario.Desk.DeskAsync(scenario.Bernd, CentreA)).ShouldBeNull();
        (await scenario.Desk.DeskAsync(scenario.Bernd, CentreB)).ShouldNotBeNull().Pool.ShouldBeEmpty();
        (await scenario.Desk.OpenAsync(scenario.Bernd, conversationId)).ShouldBeNull();
        (await scenario.Desk.TakeAsync(scenario.Bernd, conversationId)).Result.ShouldBe(StepResult.NotFound);
        (await scenario.Desk.ReplyAsync(scenario.Bernd, conversationId, "Eingeschleust")).Result.ShouldBe(StepResult.NotFound);
        (await scenario.Desk.CloseAsync(scenario.Bernd, conversationId)).Result.ShouldBe(StepResult.NotFound);
        (await scenario.Desk.OpenAsync(scenario.Bernd, Guid.NewGuid())).ShouldBeNull();

        var view = (await scenario.Desk.OpenAsync(scenario.Anna, conversationId))!;
        view.State.ShouldBe(ConversationState.New);
        view.Messages.Count.ShouldBe(1);
        var refusals = (await scenario.AuditAsync()).Where(a => a.Actor == "centre-account:bernd").ToList();
        refusals.Select(a => a.Action).ShouldBe(["counselling.open.refused", "counselling.take.refused", "counselling.reply.refused", "counselling.close.refused"]);
        refusals.ShouldAllBe(a => a.Details!.Contains(conversationId.ToString()) && a.Details.Contains("another centre"));
    }

    [SkippableFact]
    public async Task Once_taken_only_that_counsellor_and_the_centres_lead_read_it_and_a_colleague_is_refused_and_audited()
    {
        var scenario = await CreateAsync(target);
        var (_, conversationId) = await scenario.EnquiryAsync();
        (await scenario.Desk.TakeAsync(scenario.Anna, conversationId)).Result.ShouldBe(StepResult.Done);

        (await scenario.Desk.OpenAsync(scenario.Arne, conversationId)).ShouldBeNull();
        (await scenario.Desk.ReplyAsync(scenario.Arne, conversationId, "Ich auch")).Result.ShouldBe(StepResult.NotFound);
        (await scenario.Desk.DeskAsync(scenario.Arne, CentreA))!.Pool.ShouldBeEmpty();
        (await scenario.Desk.DeskAsync(scenario.Anna, CentreA))!.Mine.Single().Id.ShouldBe(conversationId);
        (await scenario.Desk.DeskAsync(scenario.Lea, CentreA))!.Others.Single().Id.ShouldBe(conversationId);
        (await scenario.Desk.OpenAsync(scenario.Lea, conversationId)).ShouldNotBeNull().Pseudonym.ShouldBe("Nachtfalter");

        var audit = await scenario.AuditAsync();
        audit.ShouldContain(a => a.Actor == "centre-account:arne" && a.Action == "counselling.open.refused" && a.Details!.Contains("colleague"));
        audit.ShouldContain(a => a.Actor == "centre-account:lea" && a.Action == "counselling.conversation.opened");
        audit.ShouldContain(a => a.Actor == "centre-account:anna" && a.Action == "counselling.conversation.taken");
    }

    [SkippableFact]
    public async Task A_seeker_never_reads_or_writes_into_another_seekers_conversation_even_by_id_and_the_attempt_is_audited()
    {
        var scenario = await CreateAsync(target);
        var (_, conversationId) = await scenario.EnquiryAsync("Erste");
        var other = await scenario.SeekerAsync("Zweite");

        (await scenario.Seekers.OpenAsync(other.Seeker, conversationId)).ShouldBeNull();
        (await scenario.Seekers.ReplyAsync(other.Seeker, conversationId, "Fremd")).Result.ShouldBe(StepResult.NotFound);
        (await scenario.Seekers.EndAsync(other.Seeker, conversationId)).Result.ShouldBe(StepResult.NotFound);
        (await scenario.Seekers.ListAsync(other.Seeker)).ShouldBeEmpty();

        var first = (await scenario.Accounts.CheckAsync("test", "Erste", Password))!;
        var thread = (await scenario.Seekers.OpenAsync(first, conversationId))!;
        thread.Messages.Count.ShouldBe(1);
        thread.State.ShouldBe(ConversationState.New);
        (await scenario.AuditAsync()).Where(a => a.Actor == "seeker:" + other.Seeker.Id).Select(a => a.Action)
            .ShouldBe(["counselling.open.refused", "counselling.reply.refused", "counselling.end.refused"]);
    }

    [SkippableFact]
    public async Task A_closed_conversation_takes_no_more_messages_from_either_side_and_stays_readable()
    {
        var scenario = await CreateAsync(target);
        var (seeker, conversationId) = await scenario.EnquiryAsync();
        await scenario.Desk.TakeAsync(scenario.Anna, conversationId);
        (await scenario.Desk.CloseAsync(scenario.Anna, conversationId)).Result.ShouldBe(StepResult.Done);

        (await scenario.Seekers.ReplyAsync(seeker.Seeker, conversationId, "Noch etwas")).Result.ShouldBe(StepResult.WrongState);
        (await scenario.Desk.ReplyAsync(scenario.Anna, conversationId, "Noch etwas")).Result.ShouldBe(StepResult.WrongState);
        (await scenario.Desk.CloseAsync(scenario.Anna, conversationId)).Result.ShouldBe(StepResult.WrongState);
        var thread = (await scenario.Seekers.OpenAsync(seeker.Seeker, conversationId))!;
        thread.State.ShouldBe(ConversationState.Closed);
        thread.Messages.Count.ShouldBe(1);
    }

    [SkippableFact]
    public async Task Bad_messages_are_refused_with_their_reason_and_store_nothing()
    {
        var scenario = await CreateAsync(target);
        var (seeker, conversationId) = await scenario.EnquiryAsync();

        (await scenario.Seekers.ReplyAsync(seeker.Seeker, conversationId, "   ")).Error!.Code.ShouldBe("messageMissing");
        (await scenario.Seekers.ReplyAsync(seeker.Seeker, conversationId, new string('x', MessageText.MaxLength + 1))).Error!.Code.ShouldBe("messageTooLong");
        (await scenario.Seekers.ReplyAsync(seeker.Seeker, conversationId, "a\u0000b")).Error!.Code.ShouldBe("messageMalformed");
        (await scenario.Seekers.StartAsync(seeker.Seeker, CentreA, "../etc", "Hallo")).Error!.Code.ShouldBe("topicUnknown");

        await using var context = scenario.Database.CreateContext();
        (await context.Messages.CountAsync()).ShouldBe(1);
        (await context.Conversations.CountAsync()).ShouldBe(1);
    }
}

public sealed class CounsellingStorageSqliteTests(SqliteTarget target) : CounsellingStorageTests(target), IClassFixture<SqliteTarget>;

public sealed class CounsellingStoragePostgresTests(PostgresTarget target) : CounsellingStorageTests(target), IClassFixture<PostgresTarget>;
