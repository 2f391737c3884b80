using System.IO.Compression;
using System.Text;
using Sozialplattform.Catalog.Bundles;

namespace Sozialplattform.Catalog.Tests.Bundles;

public class BundleExportTests
{
    private static (BundleManifest Manifest, byte[] Zip) Export(params string[] forms)
    {
        using var stream = new MemoryStream();
        var manifest = BundleExporter.Export(Repository.Catalog, forms, stream);
        return (manifest, stream.ToArray());
    }

    [Fact]
    public void A_bundle_holds_the_form_and_every_block_and_code_list_it_needs()
    {
        var (manifest, _) = Export("einstiegsgeld");

        manifest.Forms.Select(f => f.Reference.ToString()).ShouldBe(["einstiegsgeld@1.0.2"]);
        manifest.Blocks.Select(b => b.Id).ShouldBe(["anschrift", "bankverbindung", "erklaerungen", "jobcenter-kunde", "kontakt", "person"]);
        manifest.CodeLists.Select(c => c.Id).ShouldBe(["geschlecht", "staatsangehoerigkeit"]);
        manifest.Forms[0].Blocks.ShouldNotBeNull().ShouldContain("person@1.0.1");
    }

    [Fact]
    public void The_manifest_names_every_file_with_its_content_hash()
    {
        var (manifest, zip) = Export("einstiegsgeld", "schuldnerberatung");
        using var archive = new ZipArchive(new MemoryStream(zip));

        archive.Entries[0].FullName.ShouldBe(BundleManifest.FileName);
        foreach (var (_, item) in manifest.All())
        {
            var entry = archive.GetEntry(item.Path).ShouldNotBeNull();
            using var content = new MemoryStream();
            entry.Open().CopyTo(content);
            ContentHash.Of(content.ToArray()).ShouldBe(item.Sha256);
            item.Sha256.ShouldBe(ContentHash.Of(File.ReadAllBytes(Repository.Catalog.FullPath(item.Path))));
        }
        archive.Entries.Count.ShouldBe(manifest.All().Count() + 1);
    }

    [Fact]
    public void The_same_forms_always_give_the_same_bundle_bytes()
    {
        Export("buergergeld").Zip.ShouldBe(Export("buergergeld").Zip);
    }

    [Fact]
    public void The_manifest_of_a_bundle_matches_the_approved_file()
    {
        var (manifest, _) = Export("einstiegsgeld");

        Encoding.UTF8.GetString(manifest.ToUtf8()).ShouldMatchApproved("einstiegsgeld-bundle-manifest.json");
    }

    [Fact]
    public void Without_a_version_the_highest_version_of_a_form_is_exported()
    {
        using var catalog = new TemporaryCatalog().CopyFromServices("forms/schuldnerberatung");
        catalog.Write("forms/schuldnerberatung/1.10.0/form.json", catalog.Read("forms/schuldnerberatung/1.0.1/form.json").Replace("\"version\": \"1.0.1\"", "\"version\": \"1.10.0\""));
        catalog.Write("forms/schuldnerberatung/1.9.0/form.json", catalog.Read("forms/schuldnerberatung/1.0.1/form.json").Replace("\"version\": \"1.0.1\"", "\"version\": \"1.9.0\""));

        var manifest = BundleExporter.Export(catalog.Root, ["schuldnerberatung"], new MemoryStream());

        manifest.Forms.Single().Version.ShouldBe("1.10.0");
    }

    [Fact]
    public void Exporting_a_form_whose_block_is_missing_names_the_block_and_the_form()
    {
        using var catalog = new TemporaryCatalog().CopyFromServices("forms/einstiegsgeld").CopyFromServices("codelists");

        var error = Should.Throw<CatalogException>(() => BundleExporter.Export(catalog.Root, ["einstiegsgeld"], new MemoryStream()));

        error.Message.ShouldContain("anschrift@1.0.1");
        error.Message.ShouldContain("einstiegsgeld@1.0.2");
    }

    [Fact]
    public void Exporting_an_unknown_form_is_a_clear_error()
    {
        Should.Throw<CatalogException>(() => BundleExporter.Export(Repository.Catalog, ["gibt-es-nicht"], new MemoryStream()))
            .Message.ShouldContain("no form 'gibt-es-nicht'");
    }
}
