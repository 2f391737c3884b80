using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Sozialplattform.Delivery.Outbox;
using Sozialplattform.Storage.Entities;
using Sozialplattform.Storage.Inbox;
using Sozialplattform.Storage.Submissions;
using Sozialplattform.Web.Catalog;
using Sozialplattform.Web.Inbox.Notifications;
using Sozialplattform.Web.Tests.Infrastructure;

namespace Sozialplattform.Web.Tests.Inbox;

/// <summary>
/// The real host with two inbox authorities in the test tenant — A for postal codes 01000–49999, B for 50000–99999 —
/// and, when given, an SMTP port for the applicant e-mails. Deliveries and e-mails run when a test says so
/// (<see cref="DeliverAsync"/>, <see cref="SendMailsAsync"/>): nothing waits on a clock.
/// </summary>
public class InboxPortal : PortalFactory
{
    public const string AuthorityA = "sozialamt-test";
    public const string AuthorityB = "sozialamt-nord";

    /// <summary>Not routed; its failing-demo channel refuses every delivery for good: one attempt, then a dead letter.</summary>
    public const string AuthorityBroken = "sozialamt-stoerung";

    /// <summary>Not routed; its failing-demo channel fails retryably: the delivery waits for its next attempt.</summary>
    public const string AuthorityFlaky = "sozialamt-wackelig";
    public const string Password = "Posteingang-Test-2026";
    public static readonly byte[] Pdf = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"u8.ToArray();

    private readonly int? _smtpPort;

    public InboxPortal(int? smtpPort = null, params string[] extraCatalogs) : base(null, extraCatalogs)
    {
        _smtpPort = smtpPort;
        File.WriteAllText(Path.Combine(Folders.Tenant, "authorities.json"), $$"""
            { "authorities": [
              { "id": "{{AuthorityA}}", "name": "Sozialamt Teststadt", "role": "sozialamt", "address": ["Sozialamt Teststadt", "Rathausplatz 1", "12345 Teststadt"],
                "contact": { "email": "sozialamt@example.org" }, "channel": { "type": "inbox", "options": {} } },
              { "id": "{{AuthorityB}}", "name": "Sozialamt Nordstadt", "role": "sozialamt", "address": ["Sozialamt Nordstadt", "Markt 2", "54321 Nordstadt"],
                "contact": { "email": "nord@example.org" }, "channel": { "type": "inbox", "options": {} } },
              { "id": "{{AuthorityBroken}}", "name": "Sozialamt Störstadt", "role": "sozialamt", "address": ["Sozialamt Störstadt", "Weg 3", "33333 Störstadt"],
                "contact": { "email": "stoer@example.org" }, "channel": { "type": "failing-demo", "options": { "message": "Fachverfahren lehnt ab", "retryable": false } } },
              { "id": "{{AuthorityFlaky}}", "name": "Sozialamt Wackelstadt", "role": "sozialamt", "address": ["Sozialamt Wackelstadt", "Weg 4", "44444 Wackelstadt"],
                "contact": { "email": "wackel@example.org" }, "channel": { "type": "failing-demo", "options": { "message": "Fachverfahren nicht erreichbar" } } } ] }
            """);
        var services = string.Join(", ", PortalFolders.RoutedForms.Select(f => $"\"{f}\": \"sozialamt\""));
        File.WriteAllText(Path.Combine(Folders.Tenant, "routing.json"), $$"""
            { "services": { {{services}} },
              "assignments": [
                { "role": "sozialamt", "postalCodes": ["01000-49999"], "authority": "{{AuthorityA}}" },
                { "role": "sozialamt", "postalCodes": ["50000-99999"], "authority": "{{AuthorityB}}" } ] }
            """);
    }

    /// <summary>The header a test client sets to come from its own network address (the test server has no real connections).</summary>
    public const string ClientAddressHeader = "X-Test-Client-Address";

    /// <summary>What the host logged (information and above).</summary>
    public KeptLog HostLog { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureLogging(logging => logging.AddProvider(HostLog));
        builder.ConfigureServices(services => services.AddSingleton<IStartupFilter, TestClientAddresses>());
        if (_smtpPort is not { } port) return;
        builder.UseSetting("Sozialplattform:Notifications:Smtp:Host", "127.0.0.1");
        builder.UseSetting("Sozialplattform:Notifications:Smtp:Port", port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Sozialplattform:Notifications:Smtp:Security", "none");
        builder.UseSetting("Sozialplattform:Notifications:Smtp:TimeoutSeconds", "10");
        builder.UseSetting("Sozialplattform:Notifications:From", "noreply@sozialplattform.example");
        builder.UseSetting("Sozialplattform:Notifications:PortalUrl", "https://portal.example");
        builder.UseSetting("Sozialplattform:Notifications:FirstRetryDelay", "00:00:00");
    }

    public T Get<T>() where T : notnull => Services.GetRequiredService<T>();

    public Task<CaseworkerAccount> CaseworkerAsync(string login, string authority, CaseworkerRole role = CaseworkerRole.Caseworker) =>
        Get<CaseworkerAccounts>().CreateAsync(login, $"{login} (Test)", Password, "test", authority, role);

    /// <summary>An operator ("Betrieb") of the test tenant, bound to no authority.</summary>
    public Task<CaseworkerAccount> OperatorAsync(string login) =>
        Get<CaseworkerAccounts>().CreateAsync(login, $"{login} (Betrieb)", Password, "test", CaseworkerAccount.NoAuthority, CaseworkerRole.Operator);

    /// <summary>Accepts a sample's valid answers (with changes) for one authority, with the PDF and an upload, as the portal would after routing.</summary>
    public Task<AcceptResult> SubmitAsync(string authority, string formId = "haushalt", Action<JsonObject>? change = null, string? email = null, string channel = "inbox",
        IReadOnlyDictionary<string, string>? prefilled = null) =>
        this.SubmitSampleAsync(authority, formId, change, email, channel, prefilled);

    /// <summary>One round of the outbox dispatcher: every accepted submission reaches its inbox.</summary>
    public Task DeliverAsync() => this.DeliverSamplesAsync();

    /// <summary>One round of the applicant e-mails; returns how many were claimed.</summary>
    public Task<int> SendMailsAsync() => Get<NotificationDispatcher>().RunOnceAsync();

    /// <summary>A browser without JavaScript, signed in to the inbox (and on the account's start page: the list, or for operators the operations page).</summary>
    public async Task<PortalClient> SignInAsync(string login, string landing = "/posteingang")
    {
        var client = this.Browse();
        var page = await client.GetAsync("/posteingang/anmelden");
        var list = await client.SubmitAsync(page, "/posteingang/anmelden", new Dictionary<string, string?> { ["login"] = login, ["password"] = Password });
        list.Path.ShouldBe(landing);
        return client;
    }
}

/// <summary>Submissions straight into the store, for any test host with the test tenant (no citizen journey needed).</summary>
public static class InboxSamples
{
    /// <summary>Accepts a sample's valid answers (with changes) for one authority, with the PDF and an upload, as the portal would after routing.</summary>
    public static async Task<AcceptResult> SubmitSampleAsync(this PortalFactory portal, string authority, string formId = "haushalt", Action<JsonObject>? change = null,
        string? email = null, string channel = "inbox", IReadOnlyDictionary<string, string>? prefilled = null)
    {
        var form = portal.Services.GetRequiredService<FormCatalog>().Latest(formId)!;
        var sample = Path.Combine(RepositoryPaths.Samples, "forms", formId, form.Version, "answers", "valid.json");
        if (!File.Exists(sample)) sample = Path.Combine(RepositoryPaths.FormsCatalog, "forms", formId, form.Version, "answers", "valid.json");
        var answers = JsonNode.Parse(File.ReadAllText(sample))!.AsObject();
        change?.Invoke(answers);
        var result = form.Engine.Validate(answers);
        result.IsValid.ShouldBeTrue(string.Join("; ", result.Errors.Select(e => $"{e.Path}: {e.Code}")));
        var pdf = InboxPortal.Pdf;
        return await portal.Services.GetRequiredService<SubmissionStore>().AcceptAsync(new NewSubmission
        {
            TenantId = "test", FormId = form.Id, FormVersion = form.Version, ContentHash = form.Definition.ContentHash, FormTitle = form.Definition.Title.Get("de"),
            Language = "de", AnswersJson = result.CleanAnswers.ToJsonString(), IdempotencyKey = Guid.NewGuid().ToString("N"), PostalCode = "12345",
            ApplicantEmail = email ?? ApplicantEmail.From(form.Definition, result.CleanAnswers), Pdf = pdf,
            Attachments = [new NewAttachment("mitglieder[0].einkommen[0].nachweis", "Lohnabrechnung Oktober.pdf", "application/pdf", pdf)],
            Prefilled = prefilled ?? new Dictionary<string, string>(),
        }, [new Destination(authority, channel)]);
    }

    /// <summary>One round of the outbox dispatcher: every accepted submission reaches its inbox.</summary>
    public static Task DeliverSamplesAsync(this PortalFactory portal) => portal.Services.GetRequiredService<OutboxDispatcher>().RunOnceAsync();
}

/// <summary>Gives a request the client address named in <see cref="InboxPortal.ClientAddressHeader"/>, before any other middleware.</summary>
internal sealed class TestClientAddresses : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, nextMiddleware) =>
        {
            if (System.Net.IPAddress.TryParse(context.Request.Headers[InboxPortal.ClientAddressHeader].ToString(), out var address)) context.Connection.RemoteIpAddress = address;
            return nextMiddleware(context);
        });
        next(app);
    };
}

/// <summary>One inbox host per test class: xunit needs a fixture it can construct without arguments.</summary>
public sealed class InboxHost : IDisposable
{
    public InboxPortal Portal { get; } = new();

    public void Dispose() => Portal.Dispose();
}
