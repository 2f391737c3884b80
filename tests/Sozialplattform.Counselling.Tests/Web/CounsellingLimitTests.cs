using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Sozialplattform.Counselling.Tests.Infrastructure;
using Sozialplattform.Web.Tests.Infrastructure;

namespace Sozialplattform.Counselling.Tests.Web;

/// <summary>A host whose per-address limits are small: 3 registrations, 4 logins, 3 resets, 5 messages (the test server gives every client one address).</summary>
public sealed class LimitedPortal() : IDisposable
{
    public CounsellingPortal Portal { get; } = CounsellingPortal.WithLimits(new()
    {
        ["RegistrationsPerHour"] = 3, ["LoginsPerMinute"] = 4, ["ResetsPerHour"] = 3, ["MessagesPerMinute"] = 5, ["MessagesPerAccountPerHour"] = 100_000,
    });

    public void Dispose() => Portal.Dispose();
}

/// <summary>
/// The rate limits hold under parallel requests: per client address on registration, login, reset and posting; per
/// account on posting (another host, whose address limits are out of the way). Each refusal is 429 with Retry-After
/// and a German sentence, and nothing is stored for it.
/// </summary>
public sealed class CounsellingLimitTests(LimitedPortal limited) : IClassFixture<LimitedPortal>
{
    private CounsellingPortal Portal => limited.Portal;

    [Fact]
    public async Task Twelve_parallel_registrations_from_one_address_create_three_seekers_and_the_others_are_told_to_wait()
    {
        var client = Portal.Browse();
        var form = await client.GetAsync("/de/online-beratung/registrieren");
        var responses = await Task.WhenAll(Enumerable.Range(0, 12).Select(i => Task.Run(() => client.PostAsync("/de/online-beratung/registrieren",
            [form.AntiforgeryToken, ("_handler", "register"), ("pseudonym", $"Parallel {i}"), ("password", SeekerJourney.Password)]))));

        responses.Count(r => r.Status == HttpStatusCode.OK).ShouldBe(3);
        responses.Count(r => r.Status == HttpStatusCode.TooManyRequests).ShouldBe(9);
        await using var context = Portal.Services.GetRequiredService<Sozialplattform.Counselling.Storage.CounsellingDatabase>().CreateContext();
        context.Seekers.Count().ShouldBe(3);
        var refused = responses.First(r => r.Status == HttpStatusCode.TooManyRequests);
        refused.Html.ShouldContain("Zu viele Anfragen");
        refused.Response.Headers.RetryAfter.ShouldNotBeNull();
    }

    [Fact]
    public async Task Ten_parallel_logins_from_one_address_check_at_most_four_passwords()
    {
        var client = Portal.Browse();
        var page = await client.GetAsync("/de/online-beratung/anmelden");
        var responses = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => Task.Run(() => client.PostAsync("/de/online-beratung/anmelden",
            [page.AntiforgeryToken, ("_handler", "login"), ("pseudonym", "Niemand"), ("password", "Falsches-Kennwort-1")]))));

        responses.Count(r => r.Status == HttpStatusCode.TooManyRequests).ShouldBe(6);
        responses.Count(r => r.Status == HttpStatusCode.Unauthorized).ShouldBe(4);
        responses.First(r => r.Status == HttpStatusCode.TooManyRequests).Html.ShouldContain("Bitte versuchen Sie es in 1 Minute(n) noch einmal.");
    }

    [Fact]
    public async Task Eight_parallel_resets_from_one_address_check_at_most_three_codes()
    {
        var client = Portal.Browse();
        var page = await client.GetAsync("/de/online-beratung/passwort-vergessen");
        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => client.PostAsync("/de/online-beratung/passwort-vergessen",
            [page.AntiforgeryToken, ("_handler", "reset"), ("pseudonym", "Niemand"), ("code", "AAAA-BBBB-CCCC-DDDD-EEEE"), ("password", "Neues-Kennwort-2027")]))));

        responses.Count(r => r.Status == HttpStatusCode.TooManyRequests).ShouldBe(5);
        responses.Count(r => r.Status == HttpStatusCode.Unauthorized).ShouldBe(3);
    }
}

/// <summary>A host whose limit per account is 3 messages an hour, every other limit out of the way.</summary>
public sealed class AccountLimitedPortal() : IDisposable
{
    public CounsellingPortal Portal { get; } = CounsellingPortal.WithLimits(new() { ["MessagesPerAccountPerHour"] = 3 });

    public void Dispose() => Portal.Dispose();
}

public sealed class CounsellingAccountLimitTests(AccountLimitedPortal limited) : IClassFixture<AccountLimitedPortal>
{
    [Fact]
    public async Task Ten_parallel_messages_of_one_seeker_store_three_and_the_others_are_told_to_wait()
    {
        var portal = await limited.Portal.ReadyAsync();
        var seeker = portal.Browse();
        var conversation = await seeker.EnquiryAsync("Vielschreiber", portal.CentreA, "Erste Nachricht"); // the first of three

        var responses = await Task.WhenAll(Enumerable.Range(0, 10).Select(i => Task.Run(() => seeker.PostAsync(conversation.Path,
            [conversation.AntiforgeryToken, ("_handler", "reply"), ("message", $"Nachricht {i}")]))));

        responses.Count(r => r.Status == HttpStatusCode.TooManyRequests).ShouldBe(8);
        var refused = responses.First(r => r.Status == HttpStatusCode.TooManyRequests);
        refused.FieldErrors.ShouldBe(["Sie haben in kurzer Zeit zu viele Nachrichten geschickt. Bitte versuchen Sie es in 60 Minute(n) noch einmal."]);
        refused.Response.Headers.RetryAfter.ShouldNotBeNull();
        (await seeker.GetAsync(conversation.Path)).Document.QuerySelectorAll(".thread li").Length.ShouldBe(3);
    }
}
