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

    /// <summary>The catalog, or null after printing why there is none (the command then exits 2).</summary>
    public static CatalogRoot? ResolveOrReport(CliContext context, string? option, string command)
    {
        try
        {
            return Resolve(context, option);
        }
        catch (CatalogException e)
        {
            context.Error.WriteLine($"sozial {command}: {e.Message}");
            return null;
        }
    }
}
