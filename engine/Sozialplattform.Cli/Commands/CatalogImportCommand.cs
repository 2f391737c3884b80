using Sozialplattform.Catalog;
using Sozialplattform.Catalog.Bundles;

namespace Sozialplattform.Cli.Commands;

/// <summary><c>sozial catalog import</c>: verifies a bundle and adds what is new to the catalog.</summary>
public sealed class CatalogImportCommand : ICliCommand
{
    public string Name => "catalog import";
    public string Summary => "Verify a bundle and add its new forms, blocks and code lists to a catalog";
    public string Usage => """
        Usage: sozial catalog import <bundle.zip> [--catalog <folder>] [--dry-run]

        Checks entry names, sizes and every content hash against the manifest, and refuses to overwrite
        an id@version that the catalog already has with different content. Only when everything is in
        order are the new files written; then it reports what is new and what was already there.

          --dry-run  check and report, write nothing

        Exit codes: 0 imported (or nothing new), 1 the bundle was refused (nothing written), 2 usage error.
        """;

    public int Run(CliContext context, IReadOnlyList<string> args)
    {
        var arguments = new CliArguments(args, new HashSet<string> { "--catalog" }, new HashSet<string> { "--dry-run" });
        var bundle = context.FullPath(arguments.Required(0, "bundle.zip"));
        arguments.ExpectAtMost(1);
        if (CatalogLocation.ResolveOrReport(context, arguments.Option("--catalog"), Name) is not { } catalog) return 2;
        if (!File.Exists(bundle))
        {
            context.Error.WriteLine($"sozial catalog import: {arguments.Positional[0]} does not exist.");
            return 2;
        }

        try
        {
            using var stream = File.OpenRead(bundle);
            var report = BundleImporter.Import(stream, catalog, arguments.Has("--dry-run"));
            foreach (var item in report.Items)
                context.Out.WriteLine($"{(item.Status == BundleImportStatus.New ? "new" : "unchanged"),-9} {item.Kind.ToString().ToLowerInvariant(),-9} {item.Reference}");
            if (report.SignaturePresent) context.Out.WriteLine("note: the bundle carries manifest.json.sig; signatures are not verified by this version.");
            var verb = report.DryRun ? "would add" : "added";
            context.Out.WriteLine($"{verb} {report.New.Count()} new, {report.Unchanged.Count()} unchanged");
            return 0;
        }
        catch (CatalogException e)
        {
            context.Error.WriteLine($"sozial catalog import: {e.Message}");
            return 1;
        }
    }
}
