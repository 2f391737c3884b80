using Microsoft.EntityFrameworkCore;
using OpenIddict.EntityFrameworkCore.Models;

namespace Sozialplattform.Storage.ApiClients;

/// <summary>
/// OpenIddict's tables (clients, their tokens) in the platform database, named like the platform's own tables, so that
/// a token can be revoked and a client removed in the one database every host shares.
/// </summary>
internal static class ApiClientTables
{
    public static void Map(ModelBuilder model)
    {
        model.UseOpenIddict();
        model.Entity<OpenIddictEntityFrameworkCoreApplication>().ToTable("oauth_applications");
        model.Entity<OpenIddictEntityFrameworkCoreAuthorization>().ToTable("oauth_authorizations");
        model.Entity<OpenIddictEntityFrameworkCoreScope>().ToTable("oauth_scopes");
        model.Entity<OpenIddictEntityFrameworkCoreToken>().ToTable("oauth_tokens");
    }
}
