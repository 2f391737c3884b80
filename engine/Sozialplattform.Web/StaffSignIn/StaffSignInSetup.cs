using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Sozialplattform.Designer.Hosting;
using Sozialplattform.Storage.Logins;
using Sozialplattform.Web.SignIn;

namespace Sozialplattform.Web.StaffSignIn;

/// <summary>
/// Staff single sign-on in one call, beside the citizens' providers (the same <c>identity.json</c>, the same
/// <see cref="OidcClientSetup"/>): per provider an OpenID Connect scheme for the inbox and one for the designer (for the
/// areas its role mapping serves), and the designer's login buttons (<see cref="DesignerExternalLogins"/>). A wrong
/// setting stops the host with an <see cref="IdentityConfigurationException"/> that names it.
/// </summary>
public static class StaffSignInSetup
{
    public static void AddStaffSignIn(this WebApplicationBuilder builder, AuthenticationBuilder authentication, string tenantFolder)
    {
        var providers = new StaffProviders(StaffProviderReader.Read(tenantFolder, builder.Configuration, allowHttp: builder.Environment.IsDevelopment()));
        var services = builder.Services;
        services.AddSingleton(providers);
        services.TryAddSingleton<LoginProtection>();
        services.AddSingleton(new DesignerExternalLogins(providers.For(StaffArea.Designer).Select(p => new ExternalLogin(p.Name, StaffLogin.StartPath(p))).ToList()));
        foreach (var provider in providers.For(StaffArea.Inbox).Concat(providers.For(StaffArea.Designer)))
            authentication.AddOpenIdConnect(provider.Scheme, provider.Name, options =>
            {
                OidcClientSetup.Configure(options, provider);
                // Never used: the answer is handled in full by StaffLogin (the account, the area's own cookie, the page).
                options.SignInScheme = CitizenSession.Scheme;
                options.Events.OnTokenValidated = context => StaffLogin.AcceptAsync(context, provider);
                options.Events.OnRemoteFailure = context => StaffLogin.RefuseAsync(context, provider);
            });
    }
}
