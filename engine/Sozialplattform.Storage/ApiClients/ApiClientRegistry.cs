using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OpenIddict.Abstractions;
using Sozialplattform.Storage.Database;
using Sozialplattform.Storage.Entities;

namespace Sozialplattform.Storage.ApiClients;

/// <summary>A specialist system's (Fachverfahren) client of the case API: bound to one authority of one tenant, with its scopes.</summary>
public sealed record ApiClient(string ClientId, string DisplayName, string TenantId, string AuthorityId, IReadOnlyList<string> Scopes);

/// <summary>A client just added, with its secret: shown once, stored only as OpenIddict's hash.</summary>
public sealed record NewApiClient(ApiClient Client, string Secret);

/// <summary>A client that cannot be added: the problem as a code (<c>authority</c>, <c>scope</c>, <c>name</c>).</summary>
public sealed class ApiClientException(string code, string message) : ArgumentException(message)
{
    public string Code { get; } = code;
}

/// <summary>
/// The clients of the case API, kept by OpenIddict in the platform database (<c>oauth_applications</c>; tokens in
/// <c>oauth_tokens</c>): add (the secret is returned once), list, find, revoke (the client and every token it holds).
/// The command line (<c>sozial api-client</c>) and the host's token endpoint use this one registry.
/// </summary>
public sealed class ApiClientRegistry(SozialDatabase database, IOpenIddictApplicationManager applications)
{
    private const string TenantProperty = "tenant";
    private const string AuthorityProperty = "authority";

    /// <summary>OpenIddict's stores on the platform database, and this registry; for the host and the command line.</summary>
    public static IServiceCollection AddTo(IServiceCollection services)
    {
        services.TryAddScoped<SozialDbContext>(provider => provider.GetRequiredService<SozialDatabase>().CreateContext());
        services.AddOpenIddict().AddCore(core => core.UseEntityFrameworkCore().UseDbContext<SozialDbContext>());
        services.TryAddScoped<ApiClientRegistry>();
        return services;
    }

    public async Task<NewApiClient> AddAsync(string tenantId, string authorityId, string? displayName = null, IReadOnlyList<string>? scopes = null, CancellationToken cancellationToken = default)
    {
        scopes ??= ApiScopes.All;
        if (scopes.Count == 0) throw new ApiClientException("scope", "a client needs at least one scope");
        if (scopes.FirstOrDefault(s => !ApiScopes.All.Contains(s)) is { } unknown)
            throw new ApiClientException("scope", $"unknown scope '{unknown}' (known: {string.Join(", ", ApiScopes.All)})");
        await using (var context = database.CreateContext())
        {
            if (!await context.Authorities.AnyAsync(a => a.TenantId == tenantId && a.Id == authorityId, cancellationToken))
                throw new ApiClientException("authority", $"there is no authority '{authorityId}' in tenant '{tenantId}'");
        }

        var clientId = $"fv-{authorityId}-{Token(6).ToLowerInvariant()}";
        var secret = Token(32);
        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = clientId, ClientSecret = secret, ClientType = OpenIddictConstants.ClientTypes.Confidential,
            DisplayName = string.IsNullOrWhiteSpace(displayName) ? $"Fachverfahren {authorityId}" : displayName.Trim(),
        };
        descriptor.Permissions.UnionWith([
            OpenIddictConstants.Permissions.Endpoints.Token, OpenIddictConstants.Permissions.Endpoints.Revocation,
            OpenIddictConstants.Permissions.GrantTypes.ClientCredentials, .. scopes.Distinct().Select(s => OpenIddictConstants.Permissions.Prefixes.Scope + s)]);
        descriptor.Properties[TenantProperty] = JsonSerializer.SerializeToElement(tenantId);
        descriptor.Properties[AuthorityProperty] = JsonSerializer.SerializeToElement(authorityId);
        var application = await applications.CreateAsync(descriptor, cancellationToken);
        await AuditAsync("api-client.add", $"{clientId} for {tenantId}/{authorityId}: {string.Join(" ", scopes)}", cancellationToken);
        return new NewApiClient(await DescribeAsync(application, cancellationToken), secret);
    }

    public async Task<IReadOnlyList<ApiClient>> ListAsync(string? tenantId = null, CancellationToken cancellationToken = default)
    {
        var clients = new List<ApiClient>();
        await foreach (var application in applications.ListAsync(cancellationToken: cancellationToken))
        {
            var client = await DescribeAsync(application, cancellationToken);
            if (tenantId is null || client.TenantId == tenantId) clients.Add(client);
        }

        return clients.OrderBy(c => c.TenantId, StringComparer.Ordinal).ThenBy(c => c.ClientId, StringComparer.Ordinal).ToList();
    }

    public async Task<ApiClient?> FindAsync(string clientId, CancellationToken cancellationToken = default) =>
        await applications.FindByClientIdAsync(clientId, cancellationToken) is { } application ? await DescribeAsync(application, cancellationToken) : null;

    /// <summary>Removes the client and with it every token it was given (OpenIddict deletes them with it); false when there is no such client.</summary>
    public async Task<bool> RevokeAsync(string clientId, CancellationToken cancellationToken = default)
    {
        if (await applications.FindByClientIdAsync(clientId, cancellationToken) is not { } application) return false;
        await applications.DeleteAsync(application, cancellationToken);
        await AuditAsync("api-client.revoke", clientId, cancellationToken);
        return true;
    }

    private async Task<ApiClient> DescribeAsync(object application, CancellationToken cancellationToken)
    {
        var properties = await applications.GetPropertiesAsync(application, cancellationToken);
        var permissions = await applications.GetPermissionsAsync(application, cancellationToken);
        string Property(string name) => properties.TryGetValue(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString()! : "";
        return new ApiClient(
            await applications.GetClientIdAsync(application, cancellationToken) ?? "",
            await applications.GetDisplayNameAsync(application, cancellationToken) ?? "",
            Property(TenantProperty), Property(AuthorityProperty),
            permissions.Where(p => p.StartsWith(OpenIddictConstants.Permissions.Prefixes.Scope, StringComparison.Ordinal))
                .Select(p => p[OpenIddictConstants.Permissions.Prefixes.Scope.Length..]).Order(StringComparer.Ordinal).ToList());
    }

    private async Task AuditAsync(string action, string details, CancellationToken cancellationToken)
    {
        using var gate = await database.EnterWriteAsync(cancellationToken);
        await using var context = database.CreateContext();
        context.AuditLog.Add(new AuditLogEntry { At = DateTime.UtcNow, Actor = "operator", Action = action, Details = details });
        await context.SaveChangesAsync(cancellationToken);
    }

    private static string Token(int bytes) => Convert.ToBase64String(RandomNumberGenerator.GetBytes(bytes)).TrimEnd('=').Replace('+', 'x').Replace('/', 'y');
}
