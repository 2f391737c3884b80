using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using Sozialplattform.Catalog.Bundles;

namespace Sozialplattform.Catalog.Tests.Bundles;

/// <summary>
/// Signed bundles: what a partner state's import accepts (a bundle signed by a trusted key; an unsigned one only when the
/// operator allows it) and what it refuses, each time writing nothing — a changed manifest, a changed file, an untrusted
/// key, a signature moved from another bundle, a damaged signature file, a missing signature.
/// </summary>
public sealed class BundleSignatureTests : IDisposable
{
    private readonly TemporaryCatalog _target = new();
    private readonly ECDsa _publisher = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    private readonly ECDsa _stranger = ECDsa.Create(ECCurve.NamedCurves.nistP256);

    public void Dispose()
    {
        _target.Dispose();
        _publisher.Dispose();
        _stranger.Dispose();
    }

    private static byte[] Bundle(ECDsa? key, params string[] forms)
    {
        using var stream = new MemoryStream();
        BundleExporter.Export(Repository.Catalog, forms, stream, key);
        return stream.ToArray();
    }

    private BundleImportReport Import(byte[] bundle, BundleTrust trust) => BundleImporter.Import(new MemoryStream(bundle), _target.Root, trust);

    private static Dictionary<string, byte[]> Entries(byte[] bundle)
    {
        var entries = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        using var archive = new ZipArchive(new MemoryStream(bundle));
        foreach (var entry in archive.Entries)
        {
            using var content = new MemoryStream();
            entry.Open().CopyTo(content);
            entries[entry.FullName] = content.ToArray();
        }
        return entries;
    }

    private static byte[] Zip(Dictionary<string, byte[]> entries)
    {
        using var output = new MemoryStream();
        using (var archive = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
            foreach (var (name, content) in entries)
            {
                using var stream = archive.CreateEntry(name).Open();
                stream.Write(content);
            }
        return output.ToArray();
    }

    private static byte[] Changed(byte[] bundle, Action<Dictionary<string, byte[]>> change)
    {
        var entries = Entries(bundle);
        change(entries);
        return Zip(entries);
    }

    private void ShouldRefuse(byte[] bundle, BundleTrust trust, string reason)
    {
        Should.Throw<CatalogException>(() => Import(bundle, trust)).Message.ShouldContain(reason);
        _target.Files().ShouldBe([CatalogRoot.MarkerFile]);
    }

    [Fact]
    public void A_bundle_signed_by_a_trusted_key_is_imported_and_the_report_names_the_key()
    {
        var report = Import(Bundle(_publisher, "einstiegsgeld"), BundleTrust.Keys(_stranger, _publisher));

        report.SignedBy.ShouldBe(BundleSigning.KeyId(_publisher));
        report.New.Count().ShouldBe(12);
    }

    [Fact]
    public void The_signature_is_a_small_json_file_naming_algorithm_and_key_beside_the_manifest()
    {
        var signature = Encoding.UTF8.GetString(Entries(Bundle(_publisher, "schuldnerberatung"))[BundleManifest.SignatureFileName]);

        signature.ShouldContain("\"algorithm\": \"ES256\"");
        signature.ShouldContain($"\"keyId\": \"{BundleSigning.KeyId(_publisher)}\"");
    }

    [Fact]
    public void A_bundle_signed_by_a_key_that_is_not_trusted_is_refused()
    {
        ShouldRefuse(Bundle(_stranger, "schuldnerberatung"), BundleTrust.Keys(_publisher), $"signed by key {BundleSigning.KeyId(_stranger)}, which is not among the trusted keys");
    }

    [Fact]
    public void An_unsigned_bundle_is_refused_when_only_signed_ones_are_accepted()
    {
        ShouldRefuse(Bundle(null, "schuldnerberatung"), BundleTrust.Keys(_publisher), "The bundle is not signed");
    }

    [Fact]
    public void An_unsigned_bundle_is_imported_when_the_operator_allows_it_and_reported_as_unsigned()
    {
        Import(Bundle(null, "schuldnerberatung"), BundleTrust.Unsigned()).SignedBy.ShouldBeNull();
    }

    [Fact]
    public void A_signed_bundle_whose_key_is_unknown_is_refused_even_when_unsigned_ones_are_allowed()
    {
        ShouldRefuse(Bundle(_stranger, "schuldnerberatung"), BundleTrust.Unsigned(), "cannot be checked without its public key");
    }

    [Fact]
    public void A_manifest_changed_after_signing_is_refused()
    {
        var tampered = Changed(Bundle(_publisher, "schuldnerberatung"), entries =>
            entries[BundleManifest.FileName] = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(entries[BundleManifest.FileName]).Replace("\"size\": ", "\"size\":  ")));

        ShouldRefuse(tampered, BundleTrust.Keys(_publisher), "does not match its manifest.json");
    }

    [Fact]
    public void A_form_changed_after_signing_and_its_hash_updated_in_the_manifest_is_refused()
    {
        var bundle = Bundle(_publisher, "schuldnerberatung");
        var tampered = Changed(bundle, entries =>
        {
            const string path = "forms/schuldnerberatung/1.1.0/form.json";
            var original = entries[path];
            entries[path] = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(original).Replace("Schuldnerberatung", "Schuldenfalle"));
            var manifest = BundleManifest.FromUtf8(entries[BundleManifest.FileName]);
            entries[BundleManifest.FileName] = (manifest with
            {
                Forms = [.. manifest.Forms.Select(f => f.Path == path ? f with { Sha256 = ContentHash.Of(entries[path]), Size = entries[path].LongLength } : f)],
            }).ToUtf8();
        });

        ShouldRefuse(tampered, BundleTrust.Keys(_publisher), "the bundle was changed after it was signed");
    }

    [Fact]
    public void A_signature_moved_from_another_bundle_of_the_same_publisher_is_refused()
    {
        var other = Entries(Bundle(_publisher, "suchtberatung"))[BundleManifest.SignatureFileName];
        var moved = Changed(Bundle(_publisher, "schuldnerberatung"), entries => entries[BundleManifest.SignatureFileName] = other);

        ShouldRefuse(moved, BundleTrust.Keys(_publisher), "does not match its manifest.json");
    }

    [Theory]
    [InlineData("not json at all", "is not a valid signature file")]
    [InlineData("{\"algorithm\": \"RS256\", \"keyId\": \"x\", \"signature\": \"AA==\"}", "must name the algorithm \"ES256\"")]
    [InlineData("{\"algorithm\": \"ES256\", \"keyId\": \"KEY\", \"signature\": \"%%%\"}", "is not Base64")]
    public void A_damaged_signature_file_is_refused_with_what_is_wrong(string content, string reason)
    {
        var damaged = Changed(Bundle(_publisher, "schuldnerberatung"), entries =>
            entries[BundleManifest.SignatureFileName] = Encoding.UTF8.GetBytes(content.Replace("KEY", BundleSigning.KeyId(_publisher))));

        ShouldRefuse(damaged, BundleTrust.Keys(_publisher), reason);
    }

    [Fact]
    public void Importing_an_efa_bundle_into_a_fresh_catalog_gives_a_catalog_whose_forms_pass_the_lint()
    {
        Import(Bundle(_publisher, "buergergeld", "einstiegsgeld"), BundleTrust.Keys(_publisher));

        var findings = Sozialplattform.Catalog.Lint.CatalogLinter.Lint(_target.Root).Where(f => f.Severity == Sozialplattform.Catalog.Lint.LintSeverity.Error).ToList();

        findings.ShouldBeEmpty(string.Join("\n", findings));
    }
}
