using Microsoft.AspNetCore.Hosting;

namespace Sozialplattform.Web.Tests.Infrastructure;

/// <summary>
/// The portal host as a developer runs it (README): the Development environment with the development sign-in switched
/// on explicitly, so forms that need a login can be sent with any name.
/// </summary>
public class DevelopmentSignInPortal(string? postalCodeCsv = null, params string[] extraCatalogs) : PortalFactory(postalCodeCsv, extraCatalogs)
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseEnvironment("Development");
        builder.UseSetting("Sozialplattform:Portal:DevelopmentSignIn", "true");
    }
}
