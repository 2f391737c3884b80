using System.Net;
using Sozialplattform.Appointments.Tests.Infrastructure;
using Sozialplattform.Appointments.Web.Hosting;
using Sozialplattform.Web.Tests.Infrastructure;
using static Sozialplattform.Appointments.Tests.Infrastructure.TestSchedules;

namespace Sozialplattform.Appointments.Tests.Web;

/// <summary>
/// "Mein Konto" lists the appointments a citizen booked while signed in — after the portal's drafts and applications,
/// as a section the appointments register — with a link that opens, moves and cancels them by the login alone. Another
/// identity never sees or opens them; without a login the page asks for one and the link opens nothing.
/// </summary>
public sealed class AccountAppointmentsTests(AccountAppointmentsTests.Host host) : IClassFixture<AccountAppointmentsTests.Host>
{
    public sealed class Host : IDisposable
    {
        public AppointmentsPortal Portal { get; } = AppointmentsPortal.WithCitizenSignIn();

        public void Dispose() => Portal.Dispose();
    }

    private readonly AppointmentsPortal _portal = host.Portal;

    private async Task<PortalClient> SignedInAsync(string name)
    {
        await _portal.ReadyAsync();
        var client = _portal.Browse();
        var signIn = await client.GetAsync("/de/anmelden?ziel=%2Fde%2Fkonto");
        var account = await client.SubmitAsync(signIn, "/anmelden/entwicklung", new Dictionary<string, string?> { ["name"] = name });
        account.Path.ShouldBe("/de/konto");
        return client;
    }

    private async Task<PortalPage> BookAsync(PortalClient client, int day, int hour, string name) =>
        await client.SubmitFormAsync(await client.GetAsync(AppointmentRoutes.Details("de", _portal.CentreId, _portal.TypeId, At(2026, 12, day, hour), Anna)),
            "book", new Dictionary<string, string> { ["name"] = name });

    [Fact]
    public async Task A_booking_made_while_signed_in_is_listed_after_drafts_and_applications_and_is_managed_and_cancelled_from_there()
    {
        var erika = await SignedInAsync("Erika Konto");
        var form = await erika.GetAsync(AppointmentRoutes.Details("de", _portal.CentreId, _portal.TypeId, At(2026, 12, 14, 9), Anna));
        form.Text("main").ShouldContain("Der Termin erscheint auch unter „Mein Konto“.");
        (await erika.SubmitFormAsync(form, "book", new Dictionary<string, string> { ["name"] = "<b>Erika</b>" })).Text("h1").ShouldBe("Ihr Termin ist gebucht");

        var account = await erika.GetAsync("/de/konto");

        account.Document.QuerySelectorAll("main h2").Select(h => h.Id).ShouldBe(["entwuerfe", "antraege", "termine", "online-beratung"]);
        var item = account.Document.QuerySelector("#termine + ul [data-appointment]").ShouldNotBeNull();
        item.TextContent.ShouldContain("Erstgespräch");
        item.TextContent.ShouldContain("Montag, 14.12.2026");
        item.TextContent.ShouldContain("Beratung Mitte");
        var manage = await erika.GetAsync(item.QuerySelector("a")!.GetAttribute("href")!);
        manage.Status.ShouldBe(HttpStatusCode.OK);
        manage.Html.ShouldContain("&lt;b&gt;Erika&lt;/b&gt;");

        var cancelled = await erika.SubmitFormAsync(manage, "cancel");

        cancelled.Text(".info--success").ShouldStartWith("Ihr Termin ist abgesagt.");
        (await erika.GetAsync("/de/konto")).Document.QuerySelector("[data-appointment]").ShouldBeNull();
    }

    [Fact]
    public async Task Another_identity_neither_sees_nor_opens_the_appointment_and_without_a_login_its_link_opens_nothing()
    {
        var erika = await SignedInAsync("Erika Eigen");
        await BookAsync(erika, 15, 9, "Erika");
        var anonymous = _portal.Browse();
        await BookAsync(anonymous, 15, 10, "Ohne Login");
        var link = (await erika.GetAsync("/de/konto")).Document.QuerySelector("[data-appointment] a")!.GetAttribute("href")!;

        var max = await SignedInAsync("Max Fremd");
        var maxAccount = await max.GetAsync("/de/konto");
        maxAccount.Document.QuerySelector("[data-appointment]").ShouldBeNull();
        maxAccount.Text("#termine + p").ShouldBe("Sie haben keine anstehenden Termine, die Sie angemeldet gebucht haben.");
        var foreign = await max.GetAsync(link);
        foreign.Status.ShouldBe(HttpStatusCode.Gone);
        foreign.Html.ShouldNotContain("Erika");
        foreign.Document.QuerySelector("form input[name='_handler'][value='cancel']").ShouldBeNull();

        var signedOut = await anonymous.GetAsync(link);
        signedOut.Status.ShouldBe(HttpStatusCode.Gone);
        signedOut.Html.ShouldNotContain("Erika");
        var account = await anonymous.GetAsync("/de/konto");
        account.Path.ShouldBe("/de/anmelden");

        var erikaAccount = await erika.GetAsync("/de/konto");
        erikaAccount.Document.QuerySelectorAll("[data-appointment]").Length.ShouldBe(1, "the booking made without a login is nobody's");
        erikaAccount.Text("[data-appointment]").ShouldContain("Dienstag, 15.12.2026");
    }
}
