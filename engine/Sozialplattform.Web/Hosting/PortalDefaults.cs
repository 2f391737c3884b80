using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.Memory;

namespace Sozialplattform.Web.Hosting;

/// <summary>
/// Settings the portal ships with, as the lowest-priority configuration source: appsettings files, environment
/// variables and the command line override each of them.
/// </summary>
public static class PortalDefaults
{
    public static readonly IReadOnlyDictionary<string, string?> Values = new Dictionary<string, string?>
    {
        // ASP.NET Core and EF Core log every request and every query at Information: on a busy portal those lines cost
        // more CPU than rendering the page. The portal's own messages stay at Information.
        ["Logging:LogLevel:Default"] = "Information",
        ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning",
        ["Logging:LogLevel:Microsoft.EntityFrameworkCore"] = "Warning",
    };

    public static void AddTo(IConfigurationBuilder configuration) =>
        configuration.Sources.Insert(0, new MemoryConfigurationSource { InitialData = Values });
}
