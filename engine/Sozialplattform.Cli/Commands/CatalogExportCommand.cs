using Sozialplattform.Catalog;
using Sozialplattform.Catalog.Bundles;

namespace Sozialplattform.Cli.Commands;

/// <summary><c>sozial catalog export</c>: writes forms with their blocks and code lists into a bundle zip.</summary>
public sealed class CatalogExportCommand : ICliCommand
{
    public string Name => "catalog export";
    public string Summary => "Export forms with their blocks and code lists as a bundle (zip with manifest)";
    public string Usage => """
        Usage: sozial catalog export <form-id>[@version]... -o <bundle.zip> [--sign <private-key.pem>] [--catalog <folder>]

        Writes each form (the highest version when none is given) with its sample answers and every block
        and code list it needs into a zip with manifest.json: ids, versions, SHA-256 content hashes and
        dependencies. The manifest is canonical, so the same content always gives the same bytes.

          --sign  sign the manifest with this ECDSA P-256 key (manifest.json.sig; `sozial catalog keygen`)

        Exit codes: 0 written, 2 usage error or a form, block or code list is missing.
        """;

    public int Run(CliContext context, IReadOnlyList<string> args)
    {
        var arguments = new CliArguments(args, new HashSet<string> { "-o", "--output", "--catalog", "--sign" }, new HashSet<string>());
        var output = arguments.Option("-o") ?? arguments.Option("--output") ?? throw new CliUsageException("missing -o <bundle.zip>");
        if (arguments.Positional.Count == 0) throw new CliUsageException("name at least one form to export");
        var target = context.FullPath(output);
        var temporary = target + ".partial";
        try
        {
            var catalog = CatalogLocation.Resolve(context, arguments.Option("--catalog"));
            using var key = arguments.Option("--sign") is { } keyFile ? BundleSigning.ReadPrivateKey(context.FullPath(keyFile)) : null;
            BundleManifest manifest;
            using (var stream = File.Create(temporary))
                manifest = BundleExporter.Export(catalog, arguments.Positional, stream, key);
            File.Move(temporary, target, overwrite: true);
            foreach (var (kind, item) in manifest.All()) context.Out.WriteLine($"{kind.ToString().ToLowerInvariant(),-9} {item.Reference,-45} sha256 {item.Sha256}");
            context.Out.WriteLine($"wrote {output}: {manifest.Forms.Count} forms, {manifest.Blocks.Count} blocks, {manifest.CodeLists.Count} code lists, {manifest.Samples?.Count ?? 0} sample answers");
            if (key is not null) context.Out.WriteLine($"signed with key {BundleSigning.KeyId(key)}");
            return 0;
        }
        catch (CatalogException e)
        {
            if (File.Exists(temporary)) File.Delete(temporary);
            context.Error.WriteLine($"sozial catalog export: {e.Message}");
            return 2;
        }
    }
}
