using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Sozialplattform.Appointments.Booking;
using Sozialplattform.Appointments.Keeping;
using Sozialplattform.Appointments.Storage;
using Sozialplattform.Appointments.Web.BackOffice;
using Sozialplattform.Appointments.Web.Components.Account;
using Sozialplattform.Appointments.Web.Seeker;
using Sozialplattform.Centres.Web.Staff;
using Sozialplattform.Storage.Database;
using Sozialplattform.Storage.Submissions;

namespace Sozialplattform.Appointments.Web.Hosting;

/// <summary>
/// <c>builder.AddAppointments(inbox)</c>: appointment booking for counselling centres and authorities — its tables in the platform database,
/// the booking store, the e-mails through the platform's mail queue. Needs the centres (<c>AddCounsellingCentres()</c>)
/// and the platform database and mail queue (the citizen portal registers them).
/// </summary>
public static class AppointmentsServices
{
    /// <summary>Where the appointments stand on "Mein Konto": after the portal's drafts (100) and applications (200).</summary>
    public const int AccountOrder = 300;

    /// <param name="inbox">The authority inbox's session, from the host: with it, authorities keep calendars in the inbox (<c>/posteingang/termine</c>).</param>
    public static WebApplicationBuilder AddAppointments(this WebApplicationBuilder builder, InboxSession? inbox = null)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;
        var configured = configuration.GetSection(AppointmentsOptions.Section).Get<AppointmentsOptions>() ?? new AppointmentsOptions();
        var options = configured with
        {
            PortalUrl = configured.PortalUrl is { Length: > 0 } url ? url : configuration["Sozialplattform:Notifications:PortalUrl"] ?? "",
            From = configuration["Sozialplattform:Notifications:From"] is { Length: > 0 } from ? from : configured.From,
        };
        services.AddSingleton(options);
        services.AddSingleton(provider => AppointmentsDatabase.OpenAsync(provider.GetRequiredService<SozialDatabase>()).GetAwaiter().GetResult());
        services.AddSingleton<AppointmentSetup>();
        services.AddSingleton(provider => new BookingStore(
            provider.GetRequiredService<AppointmentsDatabase>(), provider.GetRequiredService<AppointmentSetup>(),
            new BookingOptions { Hold = Duration.FromMinutes(options.HoldMinutes) }, provider.GetService<TimeProvider>()));
        services.AddSingleton<AppointmentTexts>();
        services.AddSingleton<AppointmentMails>();
        services.AddSingleton<SeekerBooking>();
        services.AddSingleton<BackOfficeStore>();
        services.AddSingleton<CodeLookups>();
        services.AddSingleton<CalendarDirectory>();
        services.AddSingleton<ICalendarKeeperCheck, CentreKeeperCheck>();
        services.AddSingleton<ICalendarKeeperCheck, AuthorityKeeperCheck>();
        if (inbox is not null) services.AddSingleton(inbox);
        services.AddSingleton(provider => new StaffCentreLink((lang, centreId) =>
            (BackOfficeRoutes.Agenda(lang, centreId), provider.GetRequiredService<AppointmentTexts>().Get(lang, "office.agenda.title"))));
        services.AddSingleton(provider => new AccountSection("termine", AccountOrder, lang => provider.GetRequiredService<AppointmentTexts>().Get(lang, "account.title"), typeof(AccountAppointments)));
        services.AddHostedService<AppointmentsStartup>();

        return builder;
    }
}
