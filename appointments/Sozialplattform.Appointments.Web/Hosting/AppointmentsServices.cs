using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Sozialplattform.Appointments.Booking;
using Sozialplattform.Appointments.Storage;
using Sozialplattform.Appointments.Web.BackOffice;
using Sozialplattform.Appointments.Web.Seeker;
using Sozialplattform.Centres.Web.Staff;
using Sozialplattform.Storage.Database;

namespace Sozialplattform.Appointments.Web.Hosting;

/// <summary>
/// <c>builder.AddAppointments()</c>: appointment booking for counselling centres — its tables in the platform database,
/// the booking store, the e-mails through the platform's mail queue. Needs the centres (<c>AddCounsellingCentres()</c>)
/// and the platform database and mail queue (the citizen portal registers them).
/// </summary>
public static class AppointmentsServices
{
    public static WebApplicationBuilder AddAppointments(this WebApplicationBuilder builder)
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
        services.AddSingleton(provider => new StaffCentreLink((lang, centreId) =>
            (BackOfficeRoutes.Agenda(lang, centreId), provider.GetRequiredService<AppointmentTexts>().Get(lang, "office.agenda.title"))));
        services.AddHostedService<AppointmentsStartup>();

        return builder;
    }
}
