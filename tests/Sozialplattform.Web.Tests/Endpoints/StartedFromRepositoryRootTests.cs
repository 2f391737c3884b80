using System.Net;
using Microsoft.AspNetCore.Hosting;
using Sozialplattform.Web.Tests.Infrastructure;

namespace Sozialplattform.Web.Tests.Endpoints;

/// <summary>The README starts the portal from the repository root (content root there, not in the project): styles and scripts must still be served, and only the service catalog is offered.</summary>
public sealed class StartedFromRepositoryRootTests : IDisposable
{
    private readonly RepositoryRootPortal _portal = new();

    [Fact]
    public async Task Styles_and_scripts_are_served_when_the_content_root_is_the_repository_root()
    {
        var client = _portal.CreateClient();
        (await client.GetAsync("/css/portal.css")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.GetAsync("/js/form-rules.js")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task By_default_the_portal_offers_the_services_of_the_catalog_and_not_the_feature_samples()
    {
        var home = await _portal.CreateClient().GetStringAsync("/de");
        home.ShouldContain("/de/leistungen/buergergeld");
        home.ShouldNotContain("/de/leistungen/alle-feldtypen");
    }

    public void Dispose() => _portal.Dispose();

    private sealed class RepositoryRootPortal : PortalFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseContentRoot(RepositoryPaths.Root);
            builder.UseEnvironment("Production");
            builder.UseSetting("Sozialplattform:Storage:DataDirectory", Folders.Data);
            builder.UseSetting("Sozialplattform:Geo:CsvPath", "");
            builder.UseSetting("Sozialplattform:Portal:RunDispatcher", "false");
        }
    }
}
