using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Sozialplattform.Appointments.Booking;
using Sozialplattform.Appointments.Web.BackOffice;
using Sozialplattform.Appointments.Web.Seeker;

namespace Sozialplattform.Appointments.Web.Hosting;

/// <summary>
/// <c>app.MapAppointments(portalPages)</c>: the booking pages join the portal's (its layout, language switch and security
/// headers); the calendar file of a booking is a download for whoever holds its manage link.
/// </summary>
public static class AppointmentsEndpoints
{
    public static IEndpointRouteBuilder MapAppointments(this WebApplication app, RazorComponentsEndpointConventionBuilder portalPages)
    {
        portalPages.AddAdditionalAssemblies(typeof(AppointmentsEndpoints).Assembly);
        app.MapGet("/{lang}/termine/buchung/{id:guid}/termin.ics", CalendarFileAsync);
        app.MapBackOffice();
        return app;
    }

    private static async Task<IResult> CalendarFileAsync(string lang, Guid id, string? t, BookingStore store, AppointmentMails mails, HttpContext http)
    {
        if (!AppointmentTexts.IsLanguage(lang) || string.IsNullOrEmpty(t) || await store.FindAsync(new BookingKey.Token(id, t), http.RequestAborted) is not { } booking)
            return Results.NotFound();
        http.Response.Headers.XContentTypeOptions = "nosniff";
        http.Response.Headers.CacheControl = "no-store";
        var text = await mails.CalendarAsync(booking, http.RequestAborted);
        return Results.File(Encoding.UTF8.GetBytes(text), "text/calendar; charset=utf-8", AppointmentMails.CalendarFileName);
    }

    /// <summary>The address links in e-mails start with: the configured portal address, else the one this request came to.</summary>
    public static string BaseUrl(AppointmentsOptions options, HttpContext http) =>
        options.PortalUrl is { Length: > 0 } url ? url.TrimEnd('/') : $"{http.Request.Scheme}://{http.Request.Host}";
}
