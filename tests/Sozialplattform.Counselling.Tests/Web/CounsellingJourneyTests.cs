using System.Net;
using Sozialplattform.Counselling.Tests.Infrastructure;
using Sozialplattform.Web.Tests.Infrastructure;

namespace Sozialplattform.Counselling.Tests.Web;

/// <summary>
/// The whole journey over HTTP, without JavaScript: register with a pseudonym and a password → the recovery code once
/// (and as a download) → the enquiry to a centre → its counsellor takes it and answers → the seeker reads and answers →
/// a password reset with the recovery code keeps the history. Notices both ways carry no content.
/// </summary>
public sealed class CounsellingJourneyTests(CounsellingPortal portal) : IClassFixture<CounsellingPortal>
{
    [Fact]
    public async Task A_seeker_registers_writes_gets_an_answer_resets_the_password_with_the_recovery_code_and_keeps_the_history()
    {
        await portal.ReadyAsync();
        var seeker = portal.Browse();
        var noticesBefore = (await portal.NoticesAsync()).Count;

        var registered = await seeker.RegisterAsync("Nachtfalter", portal.CentreA, "falter@example.org");
        registered.Status.ShouldBe(HttpStatusCode.OK);
        var code = registered.Text("#recovery-code");
        code.ShouldMatch("^[A-Z2-9]{4}(-[A-Z2-9]{4}){4}$");
        registered.Text(".crisis").ShouldContain("0800 111 0 111");
        registered.Text(".crisis").ShouldContain("0800 111 0 222");
        registered.Text(".crisis").ShouldContain("kein Notdienst");
        var download = await seeker.Http.PostAsync("/de/online-beratung/wiederherstellungscode.txt",
            new FormUrlEncodedContent([KeyValuePair.Create(registered.AntiforgeryToken.Name, registered.AntiforgeryToken.Value), KeyValuePair.Create("code", code)]));
        download.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await download.Content.ReadAsStringAsync()).ShouldContain(code);
        download.Content.Headers.ContentDisposition!.FileName!.ShouldContain("wiederherstellungscode");

        var enquiry = await seeker.GetAsync($"/de/online-beratung/anfrage?stelle={portal.CentreA}&thema=schuldnerberatung");
        var conversation = await seeker.SubmitFormAsync(enquiry, "enquiry", new Dictionary<string, string> { ["message"] = "Ich habe Schulden\nund weiß nicht weiter." });
        conversation.Path.ShouldStartWith("/de/online-beratung/gespraech/");
        conversation.Text(".thread").ShouldContain("Ich habe Schulden");
        conversation.Text(".lead").ShouldContain("wartet auf eine Beraterin");
        var id = conversation.ConversationId();

        var (counsellor, _) = await portal.CounsellorAsync("anna@traeger", noticeEmail: "anna@traeger.example");
        var desk = await counsellor.GetAsync($"/beratungsstellen-verwaltung/de/online-beratung/{portal.CentreA}");
        desk.Status.ShouldBe(HttpStatusCode.OK);
        desk.Text("main").ShouldContain("Nachtfalter");
        var taken = await counsellor.SubmitAsync(desk, $"/gespraech/{id}/uebernehmen");
        taken.Path.ShouldBe($"/beratungsstellen-verwaltung/de/online-beratung/{portal.CentreA}/gespraech/{id}");
        taken.Text(".thread").ShouldContain("weiß nicht weiter");
        var answered = await counsellor.SubmitAsync(taken, "/antworten", new Dictionary<string, string?> { ["message"] = "Wir helfen Ihnen gern. Wann passt es?" });
        answered.Text(".thread").ShouldContain("Wir helfen Ihnen gern");

        var read = await seeker.GetAsync(ConversationUrl(id));
        read.Text(".thread").ShouldContain("Wir helfen Ihnen gern");
        read.Text(".lead").ShouldContain("in Beratung");
        var replied = await seeker.SubmitFormAsync(read, "reply", new Dictionary<string, string> { ["message"] = "Montag passt." });
        replied.Text(".thread").ShouldContain("Montag passt.");

        var stranger = portal.Browse();
        var resetForm = await stranger.GetAsync("/de/online-beratung/passwort-vergessen");
        var reset = await stranger.SubmitFormAsync(resetForm, "reset", new Dictionary<string, string> { ["pseudonym"] = "nachtfalter", ["code"] = code, ["password"] = "Ganz-neues-Kennwort-7" });
        reset.Status.ShouldBe(HttpStatusCode.OK);
        reset.Text("#recovery-code").ShouldNotBe(code);
        (await stranger.GetAsync(ConversationUrl(id))).Text(".thread").ShouldContain("Montag passt.");
        // the old session ended with the reset; the old password no longer opens anything
        (await seeker.GetAsync(ConversationUrl(id))).Path.ShouldBe("/de/online-beratung/anmelden");
        var login = await seeker.GetAsync("/de/online-beratung/anmelden");
        (await seeker.SubmitFormAsync(login, "login", new Dictionary<string, string> { ["pseudonym"] = "Nachtfalter", ["password"] = SeekerJourney.Password })).Status.ShouldBe(HttpStatusCode.Unauthorized);
        var signedIn = await seeker.SubmitFormAsync(login, "login", new Dictionary<string, string> { ["pseudonym"] = "Nachtfalter", ["password"] = "Ganz-neues-Kennwort-7" });
        signedIn.Path.ShouldBe("/de/online-beratung");
        (await seeker.GetAsync(ConversationUrl(id))).Document.QuerySelectorAll(".thread li").Length.ShouldBe(3);

        var notices = (await portal.NoticesAsync()).Skip(noticesBefore).ToList();
        notices.Select(n => n.To).ShouldBe(["beratung@example.org", "falter@example.org", "anna@traeger.example"]);
        notices.ShouldAllBe(n => n.Subject == "Neue Nachricht auf der Sozialplattform" && n.TextBody.Contains("Sie haben eine neue Nachricht auf der Sozialplattform."));
        notices.ShouldAllBe(n => !n.TextBody.Contains("Schulden") && !n.TextBody.Contains("helfen") && !n.TextBody.Contains("Montag") && !n.TextBody.Contains("Nachtfalter")
            && !n.TextBody.Contains("Beratungsstelle online-a") && !n.TextBody.Contains("schuldner"));
    }

    [Fact]
    public async Task A_registration_with_a_weak_password_or_a_taken_pseudonym_names_each_problem_and_keeps_what_was_typed()
    {
        await portal.ReadyAsync();
        (await portal.Browse().RegisterAsync("Vergeben")).Status.ShouldBe(HttpStatusCode.OK);

        var weak = await portal.Browse().RegisterAsync("Neuling", password: "1234567890");
        weak.Status.ShouldBe(HttpStatusCode.UnprocessableEntity);
        weak.FieldErrors.ShouldBe(["Dieses Passwort ist zu leicht zu erraten. Nehmen Sie zum Beispiel mehrere Wörter mit Zeichen dazwischen."]);
        weak.Document.QuerySelector("#pseudonym")!.GetAttribute("value").ShouldBe("Neuling");
        weak.Document.QuerySelector("#password")!.GetAttribute("value").ShouldBeNull();

        // the input is checked first (every problem at once), then whether the pseudonym is free
        (await portal.Browse().RegisterAsync("vergeben", email: "kein-at")).SummaryErrors
            .ShouldBe(["Bitte geben Sie eine E-Mail-Adresse wie name@example.org ein – oder lassen Sie das Feld leer."]);
        (await portal.Browse().RegisterAsync("  VERGEBEN ")).SummaryErrors.ShouldBe(["Dieses Pseudonym ist schon vergeben. Bitte wählen Sie ein anderes."]);
    }

    [Fact]
    public async Task Script_in_a_pseudonym_and_in_messages_is_shown_as_text_on_both_sides()
    {
        const string Hostile = "<script>alert('x')</script><img src=x onerror=alert(1)>";
        await portal.ReadyAsync();
        var seeker = portal.Browse();
        var conversation = await seeker.EnquiryAsync("<b>Fett</b><script>x</script>", portal.CentreA, Hostile);
        var (counsellor, _) = await portal.CounsellorAsync("skript@traeger");
        var page = await counsellor.GetAsync($"/beratungsstellen-verwaltung/de/online-beratung/{portal.CentreA}");
        var opened = await counsellor.GetAsync($"/beratungsstellen-verwaltung/de/online-beratung/{portal.CentreA}/gespraech/{conversation.ConversationId()}");

        foreach (var shown in new[] { conversation, page, opened })
        {
            shown.Document.QuerySelectorAll("main script:not([src^='/_content/Sozialplattform.Counselling.Web/']), main img, main b").ShouldBeEmpty(shown.Path); // the live updates' own files only
            shown.Html.ShouldNotContain("<script>alert", Case.Insensitive);
        }

        page.Text("main").ShouldContain("<b>Fett</b><script>x</script>");
        opened.Text(".thread").ShouldContain(Hostile);
    }

    [Fact]
    public async Task Every_page_of_the_seeker_exists_in_the_six_languages_and_an_unknown_language_is_not_found()
    {
        await portal.ReadyAsync();
        foreach (var lang in new[] { "de", "en", "tr", "ar", "uk", "ru" })
        foreach (var path in new[] { "online-beratung", "online-beratung/registrieren", "online-beratung/anmelden", "online-beratung/passwort-vergessen" })
        {
            var page = await portal.Browse().GetAsync($"/{lang}/{path}");
            page.Status.ShouldBe(HttpStatusCode.OK, $"{lang}/{path}");
            page.Text(".crisis").ShouldContain("0800 111 0 111");
        }

        (await portal.Browse().GetAsync("/xx/online-beratung")).Status.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public void Every_text_key_exists_in_every_language()
    {
        var texts = new Sozialplattform.Counselling.Web.Hosting.CounsellingTexts();
        var german = texts.Of("de").Keys.ToHashSet();
        foreach (var lang in Sozialplattform.Counselling.Web.Hosting.CounsellingTexts.Languages)
            texts.Of(lang).Keys.ToHashSet().SetEquals(german).ShouldBeTrue(lang);
    }

    [Fact]
    public void Every_text_is_written_out_in_every_language_with_the_placeholders_of_the_german_one()
    {
        var texts = new Sozialplattform.Counselling.Web.Hosting.CounsellingTexts();
        static string Placeholders(string text) => string.Join(',', System.Text.RegularExpressions.Regex.Matches(text, @"\{\d+\}").Select(m => m.Value).Distinct().Order());
        var problems = new List<string>();
        foreach (var lang in Sozialplattform.Counselling.Web.Hosting.CounsellingTexts.Languages)
        foreach (var (key, german) in texts.Of("de"))
        {
            var text = texts.Of(lang).GetValueOrDefault(key);
            if (string.IsNullOrWhiteSpace(text)) problems.Add($"{lang} {key}: empty");
            else if (Placeholders(text) != Placeholders(german)) problems.Add($"{lang} {key}: {Placeholders(text)} instead of {Placeholders(german)}");
        }

        problems.ShouldBeEmpty();
    }

    private static string ConversationUrl(Guid id) => $"/de/online-beratung/gespraech/{id}";
}
