using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Sozialplattform.Web.Tests.Infrastructure;

namespace Sozialplattform.Browser.Tests.Infrastructure;

/// <summary>
/// The test host (samples and the service catalog) on Kestrel at 127.0.0.1 and a free port, with the browser conformance
/// page added; as a developer runs it (Development, development sign-in on), so forms that need a login can be started.
/// </summary>
public sealed class BrowserPortal : DevelopmentSignInPortal
{
    public BrowserPortal()
        : base(null, RepositoryPaths.FormsCatalog)
    {
        BaseUrl = $"http://127.0.0.1:{FreePort()}";
        UseKestrel();
        StartServer();
    }

    public string BaseUrl { get; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("urls", BaseUrl);
        builder.ConfigureServices(services => services.AddTransient<Microsoft.AspNetCore.Hosting.IStartupFilter, ConformancePage>());
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
