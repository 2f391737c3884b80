using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Sozialplattform.Appointments.Booking;
using Sozialplattform.Appointments.Storage;
using Sozialplattform.Appointments.Web.BackOffice;
using Sozialplattform.Centres.Accounts;
using Sozialplattform.Centres.Import;
using Sozialplattform.Centres.Storage;
using Sozialplattform.Centres.Tests.Infrastructure;
using Sozialplattform.Web.Tests.Infrastructure;

namespace Sozialplattform.Appointments.Tests.Infrastructure;

/// <summary>Signed-in centre staff of the test centre (through the centres' real login with its second factor) and bookings to work on.</summary>
public static class BackOfficeSessions
{
    /// <summary>A new staff account of <paramref name="centreExternalId"/> (or another role), signed in at the host's clock.</summary>
    public static async Task<PortalClient> StaffAsync(this AppointmentsPortal portal, string login, string centreExternalId = "termine-1", CentreRole role = CentreRole.Staff)
    {
        await portal.ReadyAsync();
        await portal.AccountAsync(login, role: role, centres: role == CentreRole.Staff ? [centreExternalId] : []);
        return await portal.SignInAsync(login, portal.Clock.GetUtcNow().UtcDateTime);
    }

    /// <summary>Booked at once (as staff book for a caller) with an e-mail address, through the real store.</summary>
    public static async Task<Booked> BookedAsync(this AppointmentsPortal portal, Instant start, Guid counsellor, string name = "Kim", string? email = "kim@example.org")
    {
        var store = (await portal.ReadyAsync()).Services.GetRequiredService<BookingStore>();
        var outcome = await store.BookAsync(new BookingRequest(portal.TypeId, counsellor, start, name, email, "de"), byStaff: true);
        return outcome.ShouldBeOfType<Booked>();
    }

    /// <summary>A second centre of the test tenant (once per host), for the wrong-centre tests.</summary>
    public static async Task<Guid> OtherCentreAsync(this AppointmentsPortal portal)
    {
        await portal.ReadyAsync();
        var store = portal.Services.GetRequiredService<CentreStore>();
        if ((await store.AllAsync("test")).FirstOrDefault(c => c.ExternalId == "termine-2") is { } known) return known.Id;
        await portal.Services.GetRequiredService<CentreImporter>().ImportAsync("test", [new FileEntry(1, TestCentres.Centre("termine-2", TestCentres.Koeln), [])], "test", dryRun: false);
        return (await store.AllAsync("test")).Single(c => c.ExternalId == "termine-2").Id;
    }

    public static string Agenda(this AppointmentsPortal portal, LocalDate day, bool week = false, Guid? counsellor = null) =>
        BackOfficeRoutes.Agenda("de", portal.CentreId, day, week, counsellor);

    public static string Booking(this AppointmentsPortal portal, Guid bookingId) => BackOfficeRoutes.Booking("de", portal.CentreId, bookingId);

    /// <summary>Every row a back-office step could change: bookings (status, sequence, start, no-show), counsellors (name, week, feed), types, calendars.</summary>
    public static async Task<string> SnapshotAsync(this AppointmentsPortal portal)
    {
        await using var context = portal.Services.GetRequiredService<AppointmentsDatabase>().CreateContext();
        var bookings = await context.Bookings.OrderBy(b => b.Id).Select(b => $"{b.Id} {b.Status} {b.Sequence} {b.Start:O} {b.NoShow}").ToListAsync();
        var counsellors = await context.Counsellors.OrderBy(c => c.Id).Select(c => $"{c.Id} {c.DisplayName} {c.Schedule} {c.FeedTokenHash}").ToListAsync();
        var types = await context.Types.OrderBy(t => t.Id).Select(t => $"{t.Definition} {t.Active}").ToListAsync();
        var owners = await context.Owners.OrderBy(o => o.CentreId).Select(o => $"{o.CentreId} {o.Kind} {o.AuthorityId} {o.NeutralName} {o.State}").ToListAsync();
        return string.Join('\n', [.. bookings, .. counsellors, .. types, .. owners]);
    }
}
