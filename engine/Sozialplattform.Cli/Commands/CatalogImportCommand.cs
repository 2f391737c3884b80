using Sozialplattform.Catalog;
using Sozialplattform.Catalog.Bundles;

namespace Sozialplattform.Cli.Commands;

/// <summary><c>sozial catalog import</c>: verifies a bundle and adds what is new to the catalog.</summary>
public sealed class CatalogImportCommand : ICliCommand
{
    public string Name => "catalog import";
    public string Summary => "Verify a bundle and add its new forms, blocks and code lists to a catalog";
    public string Usage => """
        Usage: sozial catalog import <bundle.zip> (--trust <public-key.pem|folder> | --allow-unsigned) [--catalog <folder>] [--dry-run]

        Checks the signature against the trusted keys, entry names, sizes and every content hash against
        the manifest, and refuses to overwrite an id@version that the catalog already has with different
        content. Only when everything is in order are the new files written; then it reports what is new
        and what was already there.

          --trust           accept bundles signed by this public key (or by any *.pem key in this folder)
          --allow-unsigned  accept a bundle without signature (one you built yourself); a signature that
                            is present is still checked against --trust and refused if it does not verify
          --dry-run         check and report, write nothing

        Exit codes: 0 imported (or nothing new), 1 the bundle was refused (nothing written), 2 usage error.
        """;

    public int Run(CliContext context, IReadOnlyList<string> args)
    {
        var arguments = new CliArguments(args, new HashSet<string> { "--catalog", "--trust" }, new HashSet<string> { "--dry-run", "--allow-unsigned" });
        var bundle = context.FullPath(arguments.Required(0, "bundle.zip"));
        arguments.ExpectAtMost(1);
        if (CatalogLocation.ResolveOrReport(context, arguments.Option("--catalog"), Name) is not { } catalog) return 2;
        if (!File.Exists(bundle))
        {
            context.Error.WriteLine($"sozial catalog import: {arguments.Positional[0]} does not exist.");
            return 2;
        }

        if (!arguments.Has("--trust") && !arguments.Has("--allow-unsigned"))
            throw new CliUsageException("say which bundles to accept: --trust <public-key.pem> (signed by that key) or --allow-unsigned");

        var keys = new List<System.Security.Cryptography.ECDsa>();
        try
        {
            if (arguments.Option("--trust") is { } trusted) keys.AddRange(TrustedKeys(context.FullPath(trusted)));
            var trust = arguments.Has("--allow-unsigned") ? BundleTrust.Unsigned([.. keys]) : BundleTrust.Keys([.. keys]);
            using var stream = File.OpenRead(bundle);
            var report = BundleImporter.Import(stream, catalog, trust, arguments.Has("--dry-run"));
            foreach (var item in report.Items)
                context.Out.WriteLine($"{(item.Status == BundleImportStatus.New ? "new" : "unchanged"),-9} {item.Kind.ToString().ToLowerInvariant(),-9} {item.Reference}");
            context.Out.WriteLine(report.SignedBy is { } keyId ? $"signature verified: key {keyId}" : "not signed (accepted with --allow-unsigned)");
            var verb = report.DryRun ? "would add" : "added";
            context.Out.WriteLine($"{verb} {report.New.Count()} new, {report.Unchanged.Count()} unchanged");
            return 0;
        }
        catch (CatalogException e)
        {
            context.Error.WriteLine($"sozial catalog import: {e.Message}");
            return 1;
        }
        finally
        {
            foreach (var key in keys) key.Dispose();
        }
    }

    private static IEnumerable<System.Security.Cryptography.ECDsa> TrustedKeys(string path)
    {
        if (File.Exists(path)) return [BundleSigning.ReadPublicKey(path)];
        if (!Directory.Exists(path)) throw new CatalogException($"--trust {path}: no such key file or folder.");
        var files = Directory.GetFiles(path, "*.pem").Order(StringComparer.Ordinal).ToList();
        if (files.Count == 0) throw new CatalogException($"--trust {path}: the folder holds no *.pem key.");
        return files.Select(BundleSigning.ReadPublicKey).ToList();
    }
}
