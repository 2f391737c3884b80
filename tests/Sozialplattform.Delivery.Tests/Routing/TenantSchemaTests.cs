using NJsonSchema;
using Sozialplattform.Delivery.Tests.Infrastructure;

namespace Sozialplattform.Delivery.Tests.Routing;

public sealed class TenantSchemaTests
{
    public static TheoryData<string, string> ShippedFiles()
    {
        var data = new TheoryData<string, string>();
        foreach (var tenant in Directory.GetDirectories(RepositoryPaths.Tenants).Select(Path.GetFileName).Order())
        foreach (var (file, schema) in new[] { ("tenant.json", "tenant-settings"), ("authorities.json", "tenant-authorities"), ("routing.json", "tenant-routing") })
            data.Add($"{tenant}/{file}", schema);
        foreach (var tenant in Directory.GetDirectories(RepositoryPaths.Tenants).Where(t => File.Exists(Path.Combine(t, "municipalities.json"))).Select(Path.GetFileName).Order())
            data.Add($"{tenant}/municipalities.json", "tenant-municipalities");
        return data;
    }

    [Theory]
    [MemberData(nameof(ShippedFiles))]
    public async Task Every_shipped_tenant_file_validates_against_its_JSON_Schema(string file, string schema)
    {
        var json = await JsonSchema.FromFileAsync(Path.Combine(RepositoryPaths.Root, "schemas", $"{schema}.schema.json"));
        json.Validate(await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.Tenants, file))).SelectMany(Flatten).ShouldBeEmpty();
    }

    /// <summary>The innermost errors (an array item or oneOf error only says "not valid" and lists its reasons as children).</summary>
    private static IEnumerable<string> Flatten(NJsonSchema.Validation.ValidationError error) =>
        error is NJsonSchema.Validation.ChildSchemaValidationError child && child.Errors.Count > 0
            ? child.Errors.SelectMany(e => e.Value).SelectMany(Flatten)
            : [$"{error.Path}: {error.Kind}"];

    [Fact]
    public async Task The_routing_schema_rejects_an_assignment_with_two_areas()
    {
        var json = await JsonSchema.FromFileAsync(Path.Combine(RepositoryPaths.Root, "schemas", "tenant-routing.schema.json"));
        json.Validate("""{"services":{},"assignments":[{"role":"jobcenter","ars":"05554","postalCodes":["46325"],"authority":"a"}]}""").ShouldNotBeEmpty();
    }
}
