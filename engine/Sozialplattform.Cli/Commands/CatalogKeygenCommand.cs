using Sozialplattform.Catalog.Bundles;

namespace Sozialplattform.Cli.Commands;

/// <summary><c>sozial catalog keygen</c>: a key pair for signing bundles (the private key stays with the publishing operator).</summary>
public sealed class CatalogKeygenCommand : ICliCommand
{
    public string Name => "catalog keygen";
    public string Summary => "Make an ECDSA P-256 key pair for signing catalog bundles";
    public string Usage => """
        Usage: sozial catalog keygen -o <name>

        Writes <name>.private.pem (PKCS#8; readable by its owner only — keep it secret, use it with
        `catalog export --sign`) and <name>.public.pem (give it to the importing operators for
        `catalog import --trust`), and prints the key id (SHA-256 of the public key). Existing files are
        never overwritten.

        Exit codes: 0 written, 2 usage error or a file exists already.
        """;

    public int Run(CliContext context, IReadOnlyList<string> args)
    {
        var arguments = new CliArguments(args, new HashSet<string> { "-o" }, new HashSet<string>());
        arguments.ExpectAtMost(0);
        var name = context.FullPath(arguments.Option("-o") ?? throw new CliUsageException("missing -o <name>"));
        var (privateFile, publicFile) = (name + ".private.pem", name + ".public.pem");
        foreach (var file in new[] { privateFile, publicFile }.Where(File.Exists))
        {
            context.Error.WriteLine($"sozial catalog keygen: {file} exists already; choose another name.");
            return 2;
        }

        var (privatePem, publicPem) = BundleSigning.NewKeyPair();
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        using (var writer = new StreamWriter(new FileStream(privateFile, options)))
            writer.Write(privatePem);
        File.WriteAllText(publicFile, publicPem);
        using var key = BundleSigning.ReadPublicKey(publicFile);
        context.Out.WriteLine($"wrote {privateFile} (secret) and {publicFile}");
        context.Out.WriteLine($"key id {BundleSigning.KeyId(key)}");
        return 0;
    }
}
