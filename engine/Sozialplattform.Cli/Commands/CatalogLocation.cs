using Sozialplattform.Catalog;

namespace Sozialplattform.Cli.Commands;

/// <summary>Which catalog a <c>sozial catalog …</c> command works on: <c>--catalog</c>, else the one around the working directory, else <c>./forms-catalog</c>.</summary>
internal static class CatalogLocation
{
    public static CatalogRoot Resolve(CliContext context, string? option)
    {
        if (option is not null) return CatalogRoot.Open(context.FullPath(option));
        var local = context.FullPath("forms-catalog");
        if (File.Exists(Path.Combine(local, CatalogRoot.MarkerFile))) return CatalogRoot.Open(local);
        return CatalogRoot.Find(context.WorkingDirectory);
    }
}
