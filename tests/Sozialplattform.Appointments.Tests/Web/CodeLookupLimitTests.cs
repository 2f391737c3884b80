using System.Net;
using Sozialplattform.Appointments.Tests.Infrastructure;
using Sozialplattform.Appointments.Web.Hosting;
using Sozialplattform.Storage.Logins;
using Sozialplattform.Web.Tests.Infrastructure;
using static Sozialplattform.Appointments.Tests.Infrastructure.TestSchedules;

namespace Sozialplattform.Appointments.Tests.Web;

/// <summary>
/// Guessing booking codes and pseudonyms meets the platform's login protection: of 40 parallel wrong guesses from one
/// address at most the free ones are checked, the rest wait — and then even the right code waits, while a manage link
/// keeps working. Its own host, so the spent budget does not slow other tests.
/// </summary>
public sealed class CodeLookupLimitTests(AppointmentsPortal portal) : IClassFixture<AppointmentsPortal>
{
    [Fact]
    public async Task Forty_parallel_wrong_guesses_check_at_most_the_free_attempts_and_then_the_right_code_waits_too()
    {
        var booked = await portal.BookedAsync(At(2026, 12, 8, 9), Anna, "Kim", email: null);
        var client = portal.Browse();
        var lookup = await client.GetAsync(AppointmentRoutes.ByCode("de"));
        (await client.SubmitFormAsync(lookup, "lookup", new Dictionary<string, string> { ["code"] = booked.Code, ["pseudonym"] = "Kim" })).Text("dl").ShouldContain("Kim");

        var guesses = await Task.WhenAll(Enumerable.Range(0, 40).Select(i => Task.Run(() =>
            client.SubmitFormAsync(lookup, "lookup", new Dictionary<string, string> { ["code"] = $"AAAAA-{i:D5}".Replace('0', 'B').Replace('1', 'C'), ["pseudonym"] = "Kim" }))));

        var free = new LoginProtectionOptions().PerAddress.FreeFailures;
        var statuses = guesses.Select(g => g.Status).ToList();
        statuses.ShouldAllBe(s => s == HttpStatusCode.UnprocessableEntity || s == HttpStatusCode.TooManyRequests);
        statuses.Count(s => s == HttpStatusCode.UnprocessableEntity).ShouldBeLessThanOrEqualTo(free);
        statuses.Count(s => s == HttpStatusCode.TooManyRequests).ShouldBeGreaterThanOrEqualTo(40 - free);
        guesses.First(g => g.Status == HttpStatusCode.TooManyRequests).Text(".error-summary__title").ShouldStartWith("Zu viele Versuche mit Code und Name");

        var right = await client.SubmitFormAsync(lookup, "lookup", new Dictionary<string, string> { ["code"] = booked.Code, ["pseudonym"] = "Kim" });
        right.Status.ShouldBe(HttpStatusCode.TooManyRequests);
        right.Document.QuerySelector("dl").ShouldBeNull();
        (await client.GetAsync(AppointmentRoutes.Manage("de", booked.BookingId, booked.ManageToken))).Text("dl").ShouldContain("Kim");
    }
}
