using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Sozialplattform.Web.Hosting;

/// <summary>
/// The platform's one OpenAPI document, <c>/openapi/v1.json</c>: every endpoint under <c>/api/v1/</c> of every area
/// (the public centres API, the case API). Areas add their own parts (security schemes) to the options named <see cref="Name"/>.
/// </summary>
public static class ApiDocument
{
    public const string Name = "v1";

    public static IServiceCollection AddApiDocument(this IServiceCollection services) =>
        services.AddOpenApi(Name, openApi =>
        {
            openApi.ShouldInclude = description => description.RelativePath?.StartsWith("api/v1/", StringComparison.Ordinal) == true;
            openApi.AddDocumentTransformer((document, _, _) =>
            {
                document.Info.Title = "Sozialplattform API";
                document.Info.Version = Name;
                document.Servers = [];
                return Task.CompletedTask;
            });
        });

    public static void MapApiDocument(this WebApplication app) => app.MapOpenApi("/openapi/{documentName}.json");
}
