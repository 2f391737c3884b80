using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Sozialplattform.Delivery.Tests.Infrastructure;
using Sozialplattform.Storage.ApiClients;
using Sozialplattform.Storage.Database;
using Sozialplattform.Storage.Entities;
using Sozialplattform.Web.Tests.Inbox;
using Sozialplattform.Web.Tests.Infrastructure;

namespace Sozialplattform.Web.Tests.CaseApi;

/// <summary>
/// The inbox host (authorities A and B of the tenant <c>test</c>) on a real Kestrel port, with the case API over plain
/// HTTP (loopback), a clock the tests can move (token expiry) and the per-client limit a test class chooses.
/// </summary>
public sealed class CaseApiPortal : InboxPortal
{
    private readonly int _requestsPerMinute;

    public CaseApiPortal(int requestsPerMinute = 100_000)
    {
        _requestsPerMinute = requestsPerMinute;
        BaseUrl = $"http://127.0.0.1:{FreePort.Next()}";
        ClientOptions.BaseAddress = new Uri(BaseUrl);
        UseKestrel();
        StartServer();
    }

    public string BaseUrl { get; }
    public ShiftedClock Clock { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("urls", BaseUrl);
        builder.UseSetting("Sozialplattform:Api:RequireHttps", "false");
        builder.UseSetting("Sozialplattform:Api:RequestsPerMinute", _requestsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.ConfigureTestServices(services => services.Replace(ServiceDescriptor.Singleton<TimeProvider>(Clock)));
    }

    /// <summary>A client of the case API for <paramref name="authority"/>, added as <c>sozial api-client add</c> does.</summary>
    public async Task<NewApiClient> ApiClientAsync(string authority, IReadOnlyList<string>? scopes = null, string tenant = "test")
    {
        using var scope = Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<ApiClientRegistry>().AddAsync(tenant, authority, null, scopes);
    }

    public async Task<bool> RevokeAsync(string clientId)
    {
        using var scope = Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<ApiClientRegistry>().RevokeAsync(clientId);
    }

    /// <summary>A browser without JavaScript over real HTTP (the applicant on the status page).</summary>
    public PortalClient Applicant() =>
        new(new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new System.Net.CookieContainer() }) { BaseAddress = new Uri(BaseUrl) });

    /// <summary>An example client talking to this host over HTTP.</summary>
    public FachverfahrenClient Fachverfahren(NewApiClient client) => new(new HttpClient { BaseAddress = new Uri(BaseUrl) }, client.Client.ClientId, client.Secret);

    public async Task<IReadOnlyList<AuditLogEntry>> AuditAsync(string action)
    {
        await using var context = Get<SozialDatabase>().CreateContext();
        return await context.AuditLog.AsNoTracking().Where(a => a.Action == action).OrderBy(a => a.Id).ToListAsync();
    }
}
