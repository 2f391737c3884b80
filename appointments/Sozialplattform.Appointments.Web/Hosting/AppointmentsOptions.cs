namespace Sozialplattform.Appointments.Web.Hosting;

/// <summary>
/// Section <c>Sozialplattform:Appointments</c>: how long a hold waits for the e-mail link, when the reminder goes out.
/// The links in e-mails use <c>Sozialplattform:Notifications:PortalUrl</c> (else the address the page was called at);
/// calendar files name <c>Sozialplattform:Notifications:From</c> as their organizer.
/// </summary>
public sealed record AppointmentsOptions
{
    public const string Section = "Sozialplattform:Appointments";

    public int HoldMinutes { get; init; } = 15;
    public int ReminderHoursBefore { get; init; } = 24;
    public string PortalUrl { get; init; } = "";
    public string From { get; init; } = "noreply@sozialplattform.invalid";
}
