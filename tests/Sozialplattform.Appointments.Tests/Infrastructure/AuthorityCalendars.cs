using Microsoft.Extensions.DependencyInjection;
using Sozialplattform.Appointments.Keeping;
using Sozialplattform.Appointments.Storage;
using Sozialplattform.Storage.Entities;
using Sozialplattform.Storage.Inbox;
using Sozialplattform.Web.Tests.Infrastructure;
using static Sozialplattform.Appointments.Tests.Infrastructure.TestSchedules;

namespace Sozialplattform.Appointments.Tests.Infrastructure;

/// <summary>
/// Calendars of the test tenant's authorities (<c>sozialamt-test</c> and <c>jobcenter-test</c> of <see cref="PortalFolders"/>)
/// and their caseworkers, signed in through the inbox's real login (the test tenant asks no second factor).
/// </summary>
public static class AuthorityCalendars
{
    public const string Sozialamt = "sozialamt-test";
    public const string Jobcenter = "jobcenter-test";
    public const string Password = "Posteingang-Test-2026";

    /// <summary>A calendar of <paramref name="authority"/> (as the inbox's form makes it) whose counsellor takes a 50-minute meeting on weekdays 09:00–12:00.</summary>
    public static async Task<AuthorityCalendar> AuthorityCalendarAsync(this AppointmentsPortal portal, string authority = Sozialamt, string neutralName = "Sozialamt Sprechstunde")
    {
        await portal.ReadyAsync();
        var (id, errors) = await portal.Services.GetRequiredService<CalendarDirectory>().CreateAuthorityCalendarAsync("test", authority, neutralName, Nrw);
        errors.ShouldBeEmpty();
        var calendar = new AuthorityCalendar(id!.Value, Guid.NewGuid(), Guid.NewGuid());
        var setup = portal.Services.GetRequiredService<AppointmentSetup>();
        (await setup.SaveCounsellorAsync(Counsellor(calendar.CounsellorId, "Clara") with { CentreId = calendar.Id })).ShouldBeEmpty();
        (await setup.SaveTypeAsync(FirstMeeting(calendar.CounsellorId) with { Id = calendar.TypeId, CentreId = calendar.Id, Title = new Dictionary<string, string> { ["de"] = "Sprechstunde" } })).ShouldBeEmpty();
        return calendar;
    }

    /// <summary>A new caseworker (or lead, or operator) of <paramref name="authority"/>, signed in to the inbox.</summary>
    public static async Task<PortalClient> CaseworkerAsync(this AppointmentsPortal portal, string login, string authority = Sozialamt, CaseworkerRole role = CaseworkerRole.Caseworker)
    {
        await portal.ReadyAsync();
        await portal.Services.GetRequiredService<CaseworkerAccounts>().CreateAsync(login, $"{login} (Test)", Password, "test",
            role == CaseworkerRole.Operator ? CaseworkerAccount.NoAuthority : authority, role);
        var client = portal.Browse();
        var signIn = await client.GetAsync("/posteingang/anmelden");
        var landing = await client.SubmitAsync(signIn, "/posteingang/anmelden", new Dictionary<string, string?> { ["login"] = login, ["password"] = Password });
        landing.Path.ShouldBe(role == CaseworkerRole.Operator ? "/posteingang/betrieb" : "/posteingang");
        return client;
    }
}

/// <summary>An authority's calendar with its one counsellor and type.</summary>
public sealed record AuthorityCalendar(Guid Id, Guid CounsellorId, Guid TypeId)
{
    public string Root => $"/posteingang/termine/de/{Id}";
}
