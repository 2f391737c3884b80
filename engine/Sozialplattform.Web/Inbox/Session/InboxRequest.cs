using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using Sozialplattform.Storage.Entities;

namespace Sozialplattform.Web.Inbox.Session;

/// <summary>
/// The current inbox request, for the pages: its language and texts, the signed-in caseworker and their authority
/// (empty for an operator, who has none),
/// and the antiforgery token every form carries. Scoped: one per request, filled by the endpoint filters.
/// </summary>
public sealed class InboxRequest(InboxTexts texts, IAntiforgery antiforgery)
{
    public string Lang { get; private set; } = "de";
    public CaseworkerAccount? Caseworker { get; private set; }
    public string AuthorityName { get; private set; } = "";
    public string Path { get; private set; } = InboxRoutes.Root;
    public AntiforgeryTokenSet? Token { get; private set; }

    /// <summary>An operator: the navigation shows only the operations page.</summary>
    public bool IsOperator => Caseworker?.Role == CaseworkerRole.Operator;

    /// <summary>Where the header's name and the "back" links lead: the account's start page.</summary>
    public string Home => InboxRoutes.Home(Caseworker?.Role ?? CaseworkerRole.Caseworker);

    public string T(string key, params object?[] args) => texts.Get(Lang, key, args);

    public void Use(HttpContext http, CaseworkerAccount? caseworker = null, string? authorityName = null)
    {
        Lang = InboxLanguage.Of(http);
        Caseworker = caseworker;
        AuthorityName = authorityName ?? caseworker?.AuthorityId ?? "";
        Path = http.Request.Path + http.Request.QueryString;
        Token = antiforgery.GetAndStoreTokens(http);
    }
}
