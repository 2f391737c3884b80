using System.Text.RegularExpressions;
using Sozialplattform.Storage.Entities;
using Sozialplattform.Storage.Inbox;
using Sozialplattform.Web.Inbox;
using Sozialplattform.Web.Tests.Infrastructure;

namespace Sozialplattform.Web.Tests.Inbox;

public sealed partial class InboxTextsTests
{
    private static readonly InboxTexts Texts = new();

    [Fact]
    public void Every_inbox_text_exists_in_German_and_English_with_the_same_placeholders()
    {
        var german = Texts.Of("de");
        var english = Texts.Of("en");
        english.Keys.Order().ShouldBe(german.Keys.Order());
        foreach (var (key, text) in german)
        {
            english[key].ShouldNotBeNullOrWhiteSpace();
            Placeholders(english[key]).ShouldBe(Placeholders(text), $"placeholders of '{key}'");
        }
    }

    [Fact]
    public void Every_text_key_the_inbox_code_names_exists_and_every_text_is_used()
    {
        var folder = Path.Combine(RepositoryPaths.Root, "engine", "Sozialplattform.Web", "Inbox");
        var named = Directory.EnumerateFiles(folder, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".razor", StringComparison.Ordinal) || f.EndsWith(".cs", StringComparison.Ordinal))
            .SelectMany(f => Key().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value))
            .ToHashSet();
        string[] problems = ["message-required", "message-too-long", "status-required", "note-required", "note-too-long", "date-required", "reason-required", "reason-too-long"];
        string[] caseProblems = ["textTooLong", "textMissing", "tooManyFiles", "fileTooLarge", "fileType", "empty", "reasonMissing", "target", "letterMissing", "letterTooLong", "checkItem",
                                 "fileNumber", "fileNumberTaken", "fileNumberUnknown", "caseHasFile", "fileAction", "teamName", "teamNameTaken",
                                 "holdReason", "holdActive", "noHold", "holdAction"];
        var dynamic = Enum.GetNames<SubmissionStatus>().Select(s => "status." + s).Concat(problems.Select(p => "problem." + p))
            .Concat(caseProblems.Select(p => "problem." + p)).Append("timeline.note")
            .Concat(Enum.GetNames<Sozialplattform.Storage.Entities.CaseMessageKind>().Select(k => "timeline." + k))
            .Concat(Enum.GetNames<Sozialplattform.Storage.Inbox.InboxSort>().Select(s => "list.sort." + s))
            .ToHashSet();
        InboxInputRules.StatusProblem(SubmissionStatus.Decided, null).ShouldBe("message-required");

        named.Where(k => !Texts.Of("de").ContainsKey(k)).ShouldBeEmpty();
        Texts.Of("de").Keys.Where(k => !named.Contains(k) && !dynamic.Contains(k)).ShouldBeEmpty();
    }

    private static string[] Placeholders(string text) => Placeholder().Matches(text).Select(m => m.Value).Order().ToArray();

    [GeneratedRegex(@"\{[0-9]+\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex("\"((?:app|layout|login|error|list|status|detail|problem|deadlines|notFound|forbidden|badForm|operations|secondFactor|enrolment|recovery|timeline|stub|teams|retention)\\.[A-Za-z-]+)\"")]
    private static partial Regex Key();
}
