using System.Text;
using Microsoft.EntityFrameworkCore;
using Sozialplattform.Counselling.Conversations;
using Sozialplattform.Counselling.Tests.Infrastructure;
using Sozialplattform.Delivery.Tests.Infrastructure;
using Sozialplattform.Storage.Cases;
using static Sozialplattform.Counselling.Tests.Infrastructure.CounsellingScenario;

namespace Sozialplattform.Counselling.Tests.Storage;

/// <summary>
/// Files of messages: encrypted with the conversation's key (name and content), read back only by the conversation's
/// seeker and the centre's staff who may read it; the limit per conversation holds under parallel posts; deleting a
/// message, an account or by retention deletes its files.
/// </summary>
public abstract class CounsellingAttachmentStorageTests(DatabaseTarget target)
{
    [SkippableFact]
    public async Task Files_are_stored_encrypted_with_the_conversations_key_and_read_back_by_the_seeker_and_the_counsellor()
    {
        var scenario = await CreateAsync(target);
        var (seeker, id) = await scenario.EnquiryAsync();
        var pdf = TestFiles.Pdf("geheim-kontoauszug");
        (await scenario.Seekers.ReplyAsync(seeker.Seeker, id, "Mein Kontoauszug", [new CaseFile("Kontoauszug-Mustermann.pdf", "application/pdf", pdf)])).Result.ShouldBe(StepResult.Done);

        await using (var context = scenario.Database.CreateContext())
        {
            var row = await context.Attachments.SingleAsync();
            Encoding.Latin1.GetString(row.ContentCipher).ShouldNotContain("geheim-kontoauszug");
            Encoding.UTF8.GetString(row.NameCipher).ShouldNotContain("Mustermann");
            row.Size.ShouldBe(pdf.Length);
        }

        var listed = (await scenario.Seekers.OpenAsync(seeker.Seeker, id))!.Messages[^1].Files.Single();
        listed.FileName.ShouldBe("Kontoauszug-Mustermann.pdf");
        listed.Sha256.ShouldBe(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(pdf)));
        (await scenario.Seekers.FileAsync(seeker.Seeker, id, listed.Id))!.Content.ShouldBe(pdf);

        (await scenario.Desk.TakeAsync(scenario.Anna, id)).Result.ShouldBe(StepResult.Done);
        (await scenario.Desk.FileAsync(scenario.Anna, id, listed.Id))!.FileName.ShouldBe("Kontoauszug-Mustermann.pdf");
        (await scenario.Desk.ReplyAsync(scenario.Anna, id, "Hier ein Merkblatt", [new CaseFile("Merkblatt.png", "image/png", TestFiles.Png)])).Result.ShouldBe(StepResult.Done);
        var answer = (await scenario.Seekers.OpenAsync(seeker.Seeker, id))!.Messages[^1].Files.Single();
        (await scenario.Seekers.FileAsync(seeker.Seeker, id, answer.Id))!.MediaType.ShouldBe("image/png");
        (await scenario.AuditAsync()).ShouldContain(a => a.Action == "counselling.file.opened" && a.Actor == "centre-account:anna");
    }

    [SkippableFact]
    public async Task Another_seeker_another_centre_a_colleague_and_another_conversations_id_read_no_file()
    {
        var scenario = await CreateAsync(target);
        var (seeker, id) = await scenario.EnquiryAsync();
        await scenario.Seekers.ReplyAsync(seeker.Seeker, id, "Datei", [new CaseFile("a.pdf", "application/pdf", TestFiles.Pdf())]);
        var file = (await scenario.Seekers.OpenAsync(seeker.Seeker, id))!.Messages[^1].Files.Single().Id;
        var (other, otherId) = await scenario.EnquiryAsync("Andere");
        await scenario.Desk.TakeAsync(scenario.Anna, id);

        (await scenario.Seekers.FileAsync(other.Seeker, id, file)).ShouldBeNull();
        (await scenario.Seekers.FileAsync(other.Seeker, otherId, file)).ShouldBeNull("a file id under another conversation");
        (await scenario.Desk.FileAsync(scenario.Bernd, id, file)).ShouldBeNull();
        (await scenario.Desk.FileAsync(scenario.Arne, id, file)).ShouldBeNull("taken by a colleague");
        (await scenario.Desk.FileAsync(scenario.Lea, id, file)).ShouldNotBeNull();
        var audit = await scenario.AuditAsync();
        audit.Count(a => a.Action == "counselling.file.refused").ShouldBe(3);
    }

    [SkippableFact]
    public async Task Disguised_oversized_and_too_many_files_are_refused_and_nothing_is_stored()
    {
        var scenario = await CreateAsync(target);
        var (seeker, id) = await scenario.EnquiryAsync();

        (await scenario.Seekers.ReplyAsync(seeker.Seeker, id, "x", [new CaseFile("brief.pdf", "application/octet-stream", TestFiles.HtmlPretendingToBePdf)])).Error!.Code.ShouldBe("fileType");
        (await scenario.Seekers.ReplyAsync(seeker.Seeker, id, "x", [new CaseFile("bild.gif", "image/gif", "GIF89a"u8.ToArray())])).Error!.Code.ShouldBe("fileType");
        (await scenario.Seekers.ReplyAsync(seeker.Seeker, id, "x", [new CaseFile("gross.pdf", "application/pdf", TestFiles.LargePdf((int)MessageFiles.MaxFileBytes + 1))])).Error!.Code.ShouldBe("fileTooLarge");
        (await scenario.Seekers.ReplyAsync(seeker.Seeker, id, "x", [.. Enumerable.Range(1, 4).Select(i => new CaseFile($"{i}.pdf", "application/pdf", TestFiles.Pdf()))])).Error!.Code.ShouldBe("filesTooMany");
        (await scenario.Seekers.StartAsync(seeker.Seeker, CentreA, "schuldnerberatung", "Neu", [new CaseFile("brief.pdf", "application/octet-stream", TestFiles.HtmlPretendingToBePdf)])).Error!.Code.ShouldBe("fileType");

        await using var context = scenario.Database.CreateContext();
        (await context.Attachments.CountAsync()).ShouldBe(0);
        (await context.Messages.CountAsync()).ShouldBe(1, "only the first enquiry");
        (await context.Conversations.CountAsync()).ShouldBe(1);
    }

    [SkippableFact]
    public async Task File_names_lose_their_path_and_control_characters()
    {
        var scenario = await CreateAsync(target);
        var (seeker, id) = await scenario.EnquiryAsync();
        await scenario.Seekers.ReplyAsync(seeker.Seeker, id, "x", [new CaseFile("..\\..\\windows\\sys\u0007tem.pdf", "application/pdf", TestFiles.Pdf()), new CaseFile("../../etc/passwd.png", "image/png", TestFiles.Png)]);

        (await scenario.Seekers.OpenAsync(seeker.Seeker, id))!.Messages[^1].Files.Select(f => f.FileName).ShouldBe(["system.pdf", "passwd.png"]);
    }

    [SkippableFact]
    public async Task The_limit_per_conversation_holds_under_20_parallel_posts()
    {
        var scenario = await CreateAsync(target);
        var (seeker, id) = await scenario.EnquiryAsync();
        var seekers = new SeekerConversations(new ConversationStore(scenario.Database, maxFilesPerConversation: 5));

        var results = await Task.WhenAll(Enumerable.Range(1, 20).Select(i => Task.Run(() =>
            seekers.ReplyAsync(seeker.Seeker, id, $"Datei {i}", [new CaseFile($"{i}.pdf", "application/pdf", TestFiles.Pdf(i.ToString()))]))));

        results.Count(r => r.Result == StepResult.Done).ShouldBe(5);
        results.Where(r => r.Result != StepResult.Done).ShouldAllBe(r => r.Error!.Code == "filesFull");
        await using var context = scenario.Database.CreateContext();
        (await context.Attachments.CountAsync()).ShouldBe(5);
        (await context.Messages.CountAsync()).ShouldBe(6, "a refused post stores no message either");
    }

    [SkippableFact]
    public async Task Deleting_a_message_an_account_or_by_retention_deletes_the_files()
    {
        var clock = new ManualClock();
        var scenario = await CreateAsync(target, clock);
        var (seeker, id) = await scenario.EnquiryAsync();
        await scenario.Seekers.ReplyAsync(seeker.Seeker, id, "Eins", [new CaseFile("1.pdf", "application/pdf", TestFiles.Pdf())]);
        await scenario.Seekers.ReplyAsync(seeker.Seeker, id, "Zwei", [new CaseFile("2.pdf", "application/pdf", TestFiles.Pdf())]);
        var (other, otherId) = await scenario.EnquiryAsync("Zweite");
        await scenario.Seekers.ReplyAsync(other.Seeker, otherId, "Drei", [new CaseFile("3.png", "image/png", TestFiles.Png)]);
        var (third, thirdId) = await scenario.EnquiryAsync("Dritte");
        await scenario.Seekers.ReplyAsync(third.Seeker, thirdId, "Vier", [new CaseFile("4.jpg", "image/jpeg", TestFiles.Jpeg)]);

        var first = (await scenario.Seekers.OpenAsync(seeker.Seeker, id))!.Messages.Single(m => m.Text == "Eins");
        (await scenario.Seekers.DeleteMessageAsync(seeker.Seeker, id, first.Id)).Result.ShouldBe(StepResult.Done);
        (await FileNamesAsync(scenario)).ShouldBe(3);
        (await scenario.Seekers.OpenAsync(seeker.Seeker, id))!.Messages.SelectMany(m => m.Files).Select(f => f.FileName).ShouldBe(["2.pdf"]);

        await scenario.Seekers.DeleteAccountAsync(other.Seeker);
        (await FileNamesAsync(scenario)).ShouldBe(2);

        await scenario.Seekers.EndAsync(third.Seeker, thirdId);
        clock.Advance(TimeSpan.FromDays(31));
        await scenario.Seekers.ReplyAsync(seeker.Seeker, id, "Noch da", []);
        (await new CounsellingRetention(scenario.Store).SweepAsync("test", new RetentionRules())).Deleted.ShouldBe(1);
        (await FileNamesAsync(scenario)).ShouldBe(1);
    }

    private static async Task<int> FileNamesAsync(CounsellingScenario scenario)
    {
        await using var context = scenario.Database.CreateContext();
        return await context.Attachments.CountAsync();
    }
}

public sealed class CounsellingAttachmentStorageSqliteTests(SqliteTarget target) : CounsellingAttachmentStorageTests(target), IClassFixture<SqliteTarget>;

public sealed class CounsellingAttachmentStoragePostgresTests(PostgresTarget target) : CounsellingAttachmentStorageTests(target), IClassFixture<PostgresTarget>;
