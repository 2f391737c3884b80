using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Server;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.OpenApi;
using Sozialplattform.Storage.ApiClients;
using Sozialplattform.Storage.Cases;
using Sozialplattform.Storage.Operations;
using Sozialplattform.Web.Hosting;

namespace Sozialplattform.Web.CaseApi;

/// <summary>
/// The API for an authority's specialist system (Fachverfahren) as two calls for <c>Program.cs</c>: OpenIddict's token
/// server in the host (client credentials, clients and tokens in the platform database, so that tokens and clients can
/// be revoked), token validation for <c>/api/v1/cases</c>, per-operation scopes, the per-client rate limit and its
/// part of the OpenAPI document. Call after the citizen portal (storage, authentication and rate limiter middleware).
/// </summary>
public static class CaseApiExtensions
{
    public const string SecurityScheme = "oauth2";

    public static WebApplicationBuilder AddCaseApi(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var options = CaseApiOptions.Read(builder.Configuration, builder.Environment);
        var (portal, delivery) = PortalConfiguration.Read(builder.Configuration, builder.Environment.ContentRootPath);
        var data = delivery.Storage.DataDirectory;
        services.AddSingleton(options);
        services.AddSingleton<CaseFeed>();
        ApiClientRegistry.AddTo(services);
        services.AddOpenIddict()
            .AddServer(server =>
            {
                server.SetTokenEndpointUris(CaseApiRoutes.Token.TrimStart('/')).SetRevocationEndpointUris(CaseApiRoutes.Revocation.TrimStart('/'));
                server.AllowClientCredentialsFlow();
                server.RegisterScopes([.. ApiScopes.All]);
                server.SetAccessTokenLifetime(options.AccessTokenLifetime);
                var aspNetCore = server.UseAspNetCore().EnableTokenEndpointPassthrough();
                if (!options.RequireHttps) aspNetCore.DisableTransportSecurityRequirement();
            })
            .AddValidation(validation =>
            {
                validation.UseLocalServer();
                // Every request checks the token's entry in the database: a revoked token or a removed client stops at once.
                validation.EnableTokenEntryValidation();
                validation.UseAspNetCore();
            });
        // The keys come from the database (shared by every host), so they are added when the options are first needed,
        // after the database is open — the same credentials AddSigningKey/AddEncryptionKey would add.
        services.AddSingleton<SharedSecrets>();
        services.AddOptions<OpenIddictServerOptions>().Configure<SharedSecrets>((server, secrets) =>
        {
            server.SigningCredentials.Add(new SigningCredentials(CaseApiKeys.Signing(options, secrets, data), SecurityAlgorithms.RsaSha256));
            server.EncryptionCredentials.Add(new EncryptingCredentials(CaseApiKeys.Encryption(options, secrets, data),
                SecurityAlgorithms.Aes256KW, SecurityAlgorithms.Aes256CbcHmacSha512));
        });
        services.AddAuthorization(authorization => CaseApiAccess.AddPolicies(authorization, portal.Tenant));
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, CaseApiAuthorizationResults>();
        services.AddSingleton<CaseApiRateLimit>();
        services.AddRateLimiter(limits => limits.AddPolicy<string, CaseApiRateLimit>(CaseApiRateLimit.Policy));
        services.Configure<OpenApiOptions>(ApiDocument.Name, openApi =>
        {
            openApi.AddDocumentTransformer((document, _, _) =>
            {
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
                document.Components.SecuritySchemes[SecurityScheme] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.OAuth2,
                    Description = "OAuth 2.0 client credentials of a client added with `sozial api-client add` (one authority, its scopes).",
                    Flows = new OpenApiOAuthFlows
                    {
                        ClientCredentials = new OpenApiOAuthFlow
                        {
                            TokenUrl = new Uri(CaseApiRoutes.Token, UriKind.Relative),
                            Scopes = ApiScopes.All.ToDictionary(s => s, s => $"operations that need {s}"),
                        },
                    },
                };
                return Task.CompletedTask;
            });
            openApi.AddOperationTransformer((operation, context, _) =>
            {
                if (context.Description.ActionDescriptor.EndpointMetadata.OfType<CaseApiScope>().FirstOrDefault() is { } scope)
                    operation.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(SecurityScheme, context.Document)] = [scope.Scope] }];
                return Task.CompletedTask;
            });
        });
        return builder;
    }

    public static WebApplication MapCaseApi(this WebApplication app)
    {
        app.MapPost(CaseApiRoutes.Token, CaseApiTokens.IssueAsync).ExcludeFromDescription().DisableAntiforgery();
        app.MapCaseApiOperations();
        return app;
    }
}
