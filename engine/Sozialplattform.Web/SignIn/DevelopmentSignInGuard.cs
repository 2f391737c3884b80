using Microsoft.Extensions.Hosting;
using Sozialplattform.Web.Hosting;

namespace Sozialplattform.Web.SignIn;

/// <summary>A setting of the citizen sign-in that must not be used as it is: the host refuses to start and says which one and why.</summary>
public sealed class IdentityConfigurationException(string message) : Exception(message);

/// <summary>
/// The development sign-in accepts any name, so anyone could claim to be anyone: it may run only in the Development
/// environment, and only when switched on explicitly. Anywhere else a host with it switched on does not start.
/// </summary>
public static class DevelopmentSignInGuard
{
    public const string Setting = PortalOptions.Section + ":" + nameof(PortalOptions.DevelopmentSignIn);

    public static void Check(PortalOptions portal, IHostEnvironment environment)
    {
        if (!portal.DevelopmentSignIn || environment.IsDevelopment()) return;
        throw new IdentityConfigurationException(
            $"{Setting} is switched on, but the host runs in the environment '{environment.EnvironmentName}'. The development sign-in " +
            "accepts any name and proves nobody's identity, so it runs only in Development (ASPNETCORE_ENVIRONMENT=Development). " +
            $"Switch it off ({Setting}=false) and configure a real identity provider for the tenant (docs/IDENTITY.md).");
    }
}
