using System.Security.Claims;
using Microsoft.Extensions.DependencyInjection;
using Sozialplattform.Storage.Submissions;
using Sozialplattform.Web.Localization;
using Sozialplattform.Web.SignIn;

namespace Sozialplattform.Web.Components.Account;

/// <summary>
/// "Mein Konto" as a registry (<see cref="AccountSections"/>): the portal's own sections — drafts, then applications —
/// and the citizen's pseudonym for the areas that register theirs (<see cref="ICitizenAccounts"/>, from the citizen session).
/// </summary>
public static class PortalAccountSections
{
    public const int DraftsOrder = 100;
    public const int ApplicationsOrder = 200;

    public static IServiceCollection AddAccountSections(this IServiceCollection services)
    {
        services.AddSingleton<ICitizenAccounts, SessionCitizenAccounts>();
        services.AddSingleton<AccountSections>();
        services.AddSingleton(provider => Section(provider, "entwuerfe", DraftsOrder, "account.drafts", typeof(DraftsSection)));
        services.AddSingleton(provider => Section(provider, "antraege", ApplicationsOrder, "account.applications", typeof(ApplicationsSection)));
        return services;
    }

    private static AccountSection Section(IServiceProvider provider, string id, int order, string titleKey, Type component)
    {
        var texts = provider.GetRequiredService<ChromeTexts>();
        return new AccountSection(id, order, lang => texts.Get(lang, titleKey), component);
    }

    private sealed class SessionCitizenAccounts : ICitizenAccounts
    {
        public string? Pseudonym(ClaimsPrincipal user) => CitizenSession.Read(user) is { } citizen ? LoginGate.Pseudonym(citizen) : null;
    }
}
