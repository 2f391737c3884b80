namespace Sozialplattform.Fim.Tests.Support;

/// <summary>
/// How imported catalogs are validated in the tests. For now: the JSON Schemas plus reference checks
/// (<see cref="CatalogSchemaValidator"/>); switch to the engine's `sozial validate` once it is on main.
/// </summary>
public static class CatalogValidation
{
    public static IReadOnlyList<string> Problems(string catalogRoot) => CatalogSchemaValidator.Problems(catalogRoot);
}
