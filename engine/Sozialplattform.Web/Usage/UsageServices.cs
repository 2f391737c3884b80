using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Sozialplattform.Delivery.Routing;
using Sozialplattform.Designer.Routing;
using Sozialplattform.Storage.Operations;
using Sozialplattform.Web.Places;

namespace Sozialplattform.Web.Usage;

/// <summary>
/// The usage counters (counted in memory, flushed every few seconds) and the routing the designer edits: the shared
/// edits the router reads and the designer's trial on the portal's own router.
/// </summary>
public static class UsageServices
{
    public static IServiceCollection AddPortalUsageAndRoutingEdits(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(configuration.GetSection(UsageOptions.Section).Get<UsageOptions>() ?? new UsageOptions());
        services.AddSingleton(provider => new UsageCounters(provider.GetRequiredService<OperationsDatabase>(), provider.GetService<TimeProvider>()));
        services.AddSingleton<UsageRecorder>();
        services.AddHostedService<UsageFlushService>();
        services.AddSingleton<TenantRoutingEdits>();
        services.AddSingleton(provider => new RoutingEditSource(provider.GetRequiredService<TenantRoutingEdits>(), provider.GetService<TimeProvider>()));
        services.AddSingleton<IRoutingTrial, PortalRoutingTrial>();
        return services;
    }
}
