using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.DependencyInjection;
using Sozialplattform.Storage.Crypto;
using Sozialplattform.Storage.Database;
using Sozialplattform.Storage.Operations;

namespace Sozialplattform.Web.Operations;

/// <summary>
/// One Data Protection key ring for every host of the platform (cookies, antiforgery tokens, sign-in state): kept in the
/// platform's database (table <c>data_protection_keys</c>, SQLite or PostgreSQL), each key encrypted with the platform's
/// data key. A cookie one host issued is read by every other host on the same database; the data folder holds no keys.
/// </summary>
public static class SharedKeyRing
{
    public const string ApplicationName = "Sozialplattform";

    public static IServiceCollection AddSharedKeyRing(this IServiceCollection services)
    {
        services.AddSingleton(provider => OperationsDatabase.OpenAsync(provider.GetRequiredService<SozialDatabase>()).GetAwaiter().GetResult());
        services.AddScoped<OperationsDbContext>(provider => provider.GetRequiredService<OperationsDatabase>().CreateContext());
        services.AddSingleton<JobLeases>();
        services.AddDataProtection().SetApplicationName(ApplicationName).PersistKeysToDbContext<OperationsDbContext>();
        services.AddOptions<KeyManagementOptions>().Configure<IServiceProvider>((options, provider) =>
            options.XmlEncryptor = new KeyRingEncryptor(provider.GetRequiredService<SozialDatabase>().Protector));
        return services;
    }
}
