using Microsoft.Extensions.DependencyInjection;
using Sozialplattform.Storage.ApiClients;
using Sozialplattform.Storage.Database;

namespace Sozialplattform.Cli.Commands;

/// <summary>
/// <c>sozial api-client add|list|revoke</c>: the clients of the case API (one per specialist system and authority),
/// kept by OpenIddict in the platform database. The secret is printed once by <c>add</c> and stored only as a hash.
/// </summary>
public sealed class ApiClientCommand(string verb) : ICliCommand
{
    public static readonly ApiClientCommand Add = new("add"), List = new("list"), Revoke = new("revoke");

    public string Name => $"api-client {verb}";

    public string Summary => verb switch
    {
        "add" => "add a client of the case API for an authority's specialist system (prints its secret once)",
        "list" => "list the clients of the case API",
        _ => "revoke a client of the case API and every token it holds",
    };

    public string Usage => verb switch
    {
        "add" => $"""
            Usage: sozial api-client add --authority <id> [--tenant <id>] [--name "<display name>"] [--scopes <s1,s2,…>]
                                         [--tenants <folder>] [--data <dir>] [--postgres <conn>]

            Adds an OAuth 2.0 client (client credentials) of the case API /api/v1/cases for one authority. It prints
            the client id and the secret; the secret is shown only now (the database keeps a hash) — pass it to the
            specialist system's operators on a safe way. The tenant configuration is loaded first, so the authority must exist.
              --authority <id>    the authority whose cases the client works on
              --tenant <id>       its tenant (default: nrw)
              --name <text>       the specialist system's name (default: Fachverfahren <authority>)
              --scopes <list>     comma-separated, default all: {string.Join(",", ApiScopes.All)}
              --tenants <folder>  tenant folders (default: forms-catalog/tenants)
            {DeliveryCommandSupport.StorageUsage}
            Exit codes: 0 added, 1 refused (unknown authority or scope), 2 usage.
            """,
        "list" => $"""
            Usage: sozial api-client list [--tenant <id>] [--data <dir>] [--postgres <conn>]

            Lists the clients: client id, tenant/authority, scopes, name. Never a secret (none is stored).
            {DeliveryCommandSupport.StorageUsage}
            """,
        _ => $"""
            Usage: sozial api-client revoke <client id> [--data <dir>] [--postgres <conn>]

            Removes the client and every token it was given: its next request is refused (401), and it gets no new token.
            {DeliveryCommandSupport.StorageUsage}
            Exit codes: 0 revoked, 1 unknown client, 2 usage.
            """,
    };

    public int Run(CliContext context, IReadOnlyList<string> arguments)
    {
        var args = new CliArguments(arguments, new HashSet<string>(DeliveryCommandSupport.StorageOptions) { "--authority", "--tenant", "--name", "--scopes", "--tenants" }, new HashSet<string>());
        args.ExpectAtMost(verb == "revoke" ? 1 : 0);
        var clientId = verb == "revoke" ? args.Required(0, "client id") : null;
        var authority = verb == "add" ? args.Option("--authority") ?? throw new CliUsageException("--authority <id> is required") : null;
        var database = DeliveryCommandSupport.Open(context, args);
        if (verb == "add" && !DeliveryCommandSupport.LoadTenants(context, database, args.Option("--tenants") ?? "forms-catalog/tenants")) return 1;
        using var services = Registry(database);
        using var scope = services.CreateScope();
        var registry = scope.ServiceProvider.GetRequiredService<ApiClientRegistry>();
        return verb switch
        {
            "add" => AddClient(context, registry, args, authority!),
            "list" => ListClients(context, registry, args.Option("--tenant")),
            _ => RevokeClient(context, registry, clientId!),
        };
    }

    /// <summary>OpenIddict's stores on the database, as the host has them.</summary>
    public static ServiceProvider Registry(SozialDatabase database) =>
        ApiClientRegistry.AddTo(new ServiceCollection().AddSingleton(database)).BuildServiceProvider();

    private static int AddClient(CliContext context, ApiClientRegistry registry, CliArguments args, string authority)
    {
        var scopes = args.Option("--scopes")?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        try
        {
            var added = registry.AddAsync(args.Option("--tenant") ?? "nrw", authority, args.Option("--name"), scopes).GetAwaiter().GetResult();
            context.Out.WriteLine($"client id:     {added.Client.ClientId}");
            context.Out.WriteLine($"client secret: {added.Secret}");
            context.Out.WriteLine($"authority:     {added.Client.TenantId}/{added.Client.AuthorityId}");
            context.Out.WriteLine($"scopes:        {string.Join(" ", added.Client.Scopes)}");
            context.Out.WriteLine("The secret is shown only now; the database keeps only its hash.");
            return 0;
        }
        catch (ApiClientException refused)
        {
            context.Error.WriteLine($"sozial api-client add: {refused.Message}");
            return 1;
        }
    }

    private static int ListClients(CliContext context, ApiClientRegistry registry, string? tenant)
    {
        var clients = registry.ListAsync(tenant).GetAwaiter().GetResult();
        foreach (var client in clients)
            context.Out.WriteLine($"{client.ClientId}\t{client.TenantId}/{client.AuthorityId}\t{string.Join(" ", client.Scopes)}\t{client.DisplayName}");
        if (clients.Count == 0) context.Out.WriteLine("no clients");
        return 0;
    }

    private static int RevokeClient(CliContext context, ApiClientRegistry registry, string clientId)
    {
        if (registry.RevokeAsync(clientId).GetAwaiter().GetResult())
        {
            context.Out.WriteLine($"{clientId}: revoked (the client and its tokens)");
            return 0;
        }

        context.Error.WriteLine($"sozial api-client revoke: no client '{clientId}'");
        return 1;
    }
}
