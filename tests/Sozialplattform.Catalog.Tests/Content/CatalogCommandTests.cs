using Sozialplattform.Cli;

namespace Sozialplattform.Catalog.Tests.Content;

public sealed class CatalogCommandTests : IDisposable
{
    private readonly TemporaryCatalog _target = new();
    private readonly string _bundle = Path.Combine(Path.GetTempPath(), $"sozial-bundle-{Guid.NewGuid():N}.zip");

    public void Dispose()
    {
        _target.Dispose();
        if (File.Exists(_bundle)) File.Delete(_bundle);
    }

    private static (int Exit, string Out, string Error) Run(params string[] args)
    {
        var (output, error) = (new StringWriter(), new StringWriter());
        var exit = CliApp.Run(args, output, error, Repository.Root);
        return (exit, output.ToString(), error.ToString());
    }

    [Fact]
    public void Lint_of_the_services_catalog_exits_0()
    {
        var (exit, output, _) = Run("catalog", "lint");

        exit.ShouldBe(0, output);
        output.ShouldContain("72 forms, 18 blocks, 20 code lists: 0 errors");
    }

    [Fact]
    public void Export_then_import_reports_what_is_new_and_then_that_nothing_changed()
    {
        Run("catalog", "export", "suchtberatung", "avgs@1.0.0", "-o", _bundle).Exit.ShouldBe(0);

        var first = Run("catalog", "import", _bundle, "--allow-unsigned", "--catalog", _target.Folder);
        var second = Run("catalog", "import", _bundle, "--allow-unsigned", "--catalog", _target.Folder);

        first.Exit.ShouldBe(0);
        first.Out.ShouldContain("new       form      avgs@1.0.0");
        first.Out.ShouldContain("new       sample    avgs@1.0.0");
        first.Out.ShouldContain("not signed (accepted with --allow-unsigned)");
        first.Out.ShouldContain("added 15 new, 0 unchanged");
        second.Out.ShouldContain("added 0 new, 15 unchanged");
    }

    [Fact]
    public void Import_without_saying_which_bundles_to_trust_is_a_usage_error_and_writes_nothing()
    {
        Run("catalog", "export", "avgs", "-o", _bundle).Exit.ShouldBe(0);

        var (exit, _, error) = Run("catalog", "import", _bundle, "--catalog", _target.Folder);

        exit.ShouldBe(2);
        error.ShouldContain("--trust <public-key.pem>");
        _target.Files().ShouldBe([CatalogRoot.MarkerFile]);
    }

    [Fact]
    public void Keygen_export_with_sign_and_import_with_trust_carry_a_bundle_from_one_operator_to_another()
    {
        var keys = Path.Combine(_target.Folder, "..", $"keys-{Guid.NewGuid():N}");
        Directory.CreateDirectory(keys);
        try
        {
            var made = Run("catalog", "keygen", "-o", Path.Combine(keys, "nrw"));
            made.Exit.ShouldBe(0, made.Error);
            if (!OperatingSystem.IsWindows()) File.GetUnixFileMode(Path.Combine(keys, "nrw.private.pem")).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);
            Run("catalog", "keygen", "-o", Path.Combine(keys, "nrw")).Exit.ShouldBe(2, "existing keys are never overwritten");
            Run("catalog", "export", "avgs", "-o", _bundle, "--sign", Path.Combine(keys, "nrw.private.pem")).Exit.ShouldBe(0);

            var trusted = Run("catalog", "import", _bundle, "--trust", Path.Combine(keys, "nrw.public.pem"), "--catalog", _target.Folder, "--dry-run");
            var refusedPublicKeyAsSigner = Run("catalog", "export", "avgs", "-o", _bundle + ".2", "--sign", Path.Combine(keys, "nrw.public.pem"));

            trusted.Exit.ShouldBe(0, trusted.Error);
            trusted.Out.ShouldContain("signature verified: key " + made.Out.Split("key id ")[1].Trim());
            refusedPublicKeyAsSigner.Exit.ShouldBe(2);
            refusedPublicKeyAsSigner.Error.ShouldContain("holds only a public key");
        }
        finally
        {
            Directory.Delete(keys, recursive: true);
        }
    }

    [Fact]
    public void Import_with_a_key_that_did_not_sign_the_bundle_exits_1_and_writes_nothing()
    {
        var other = Path.Combine(_target.Folder, "..", $"other-{Guid.NewGuid():N}");
        try
        {
            Run("catalog", "keygen", "-o", other).Exit.ShouldBe(0);
            Run("catalog", "export", "avgs", "-o", _bundle).Exit.ShouldBe(0);

            var (exit, _, error) = Run("catalog", "import", _bundle, "--trust", other + ".public.pem", "--catalog", _target.Folder);

            exit.ShouldBe(1);
            error.ShouldContain("The bundle is not signed");
            _target.Files().ShouldBe([CatalogRoot.MarkerFile]);
        }
        finally
        {
            foreach (var file in new[] { other + ".private.pem", other + ".public.pem" }.Where(File.Exists)) File.Delete(file);
        }
    }

    [Fact]
    public void Import_of_a_broken_bundle_exits_1_with_the_reason_and_writes_nothing()
    {
        File.WriteAllText(_bundle, "PK broken");

        var (exit, _, error) = Run("catalog", "import", _bundle, "--allow-unsigned", "--catalog", _target.Folder);

        exit.ShouldBe(1);
        error.ShouldContain("not a valid zip archive");
        _target.Files().ShouldBe([CatalogRoot.MarkerFile]);
    }

    [Fact]
    public void Export_without_an_output_file_is_a_usage_error()
    {
        Run("catalog", "export", "avgs").Exit.ShouldBe(2);
    }

    [Fact]
    public void Export_of_an_unknown_form_exits_2_and_leaves_no_file()
    {
        var (exit, _, error) = Run("catalog", "export", "gibt-es-nicht", "-o", _bundle);

        exit.ShouldBe(2);
        error.ShouldContain("no form 'gibt-es-nicht'");
        File.Exists(_bundle).ShouldBeFalse();
    }
}
