using Sozialplattform.Catalog.Lint;

namespace Sozialplattform.Catalog.Tests.Lint;

/// <summary>
/// What a tenant ties to the forms of the catalog must keep reaching them when a form gets a new version: text overrides
/// pinned to an old version or given in fewer languages than the form are warnings, answer rules of routing.json that
/// name a field or option the newest form lacks are errors.
/// </summary>
public sealed class TenantReachLintTests : IDisposable
{
    private readonly TemporaryCatalog _catalog = new TemporaryCatalog().CopyFromServices("blocks").CopyFromServices("codelists")
        .CopyFromServices("forms/avgs").CopyFromServices("forms/bildung-und-teilhabe");

    public TenantReachLintTests()
    {
        foreach (var slug in Sozialplattform.Catalog.Tenants.TenantPages.Required) _catalog.Write($"tenants/test/pages/{slug}.de.md", $"# {slug}\n\nText.");
    }

    public void Dispose() => _catalog.Dispose();

    private IReadOnlyList<LintFinding> Findings() => CatalogLinter.Lint(_catalog.Root);

    private IReadOnlyList<string> Warnings() => Findings().Where(f => f.Severity == LintSeverity.Warning && f.File.StartsWith("tenants/", StringComparison.Ordinal)).Select(f => f.ToString()).ToList();

    private IReadOnlyList<string> Errors() => Findings().Where(f => f.Severity == LintSeverity.Error && f.File.StartsWith("tenants/", StringComparison.Ordinal)).Select(f => f.ToString()).ToList();

    private const string SixLanguages = """{"de": "Titel", "en": "Title", "tr": "Başlık", "ar": "العنوان", "uk": "Назва", "ru": "Название"}""";

    [Fact]
    public void An_override_pinned_to_an_older_version_is_a_warning_naming_tenant_form_pinned_and_newest_version()
    {
        _catalog.Write("tenants/test/texts/avgs.json", """{"form": "avgs", "version": "1.0.0", "texts": {"form.title": {"de": "Titel", "en": "Title"}}}""");

        Warnings().ShouldContain("warning: tenants/test/texts/avgs.json version: tenant 'test': the overrides of form 'avgs' are pinned to version 1.0.0, but the newest version is 1.0.2: new applications show the catalog's texts; move the overrides to 1.0.2");
        Errors().ShouldBeEmpty("an old pin still fits the old version");
    }

    [Fact]
    public void An_override_without_some_of_the_forms_languages_is_a_warning_naming_them()
    {
        _catalog.Write("tenants/test/texts/avgs.json", """{"form": "avgs", "version": "1.0.2", "texts": {"form.title": {"de": "Titel", "en": "Title"}}}""");

        Warnings().ShouldBe(["warning: tenants/test/texts/avgs.json form.title: tenant 'test': the override has no 'tr', 'ar', 'uk', 'ru' text, which avgs@1.0.2 declares: those readers see the catalog's text instead"]);
    }

    [Fact]
    public void An_override_of_the_newest_version_in_every_language_is_clean()
    {
        _catalog.Write("tenants/test/texts/avgs.json", """{"form": "avgs", "version": "1.0.2", "texts": {"form.title": """ + SixLanguages + "}}");

        Warnings().ShouldBeEmpty();
        Errors().ShouldBeEmpty();
    }

    [Fact]
    public void The_shipped_tenants_override_only_the_newest_versions_in_all_their_languages()
    {
        CatalogLinter.Lint(Repository.Catalog).Where(f => f.File.StartsWith("tenants/", StringComparison.Ordinal)).Select(f => f.ToString()).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("leistungsbezug", "asylblg", null)]
    [InlineData("leistungsbezg", "asylblg", "error: tenants/test/routing.json answerRules[0]: 'leistungsbezg' is not a field of bildung-und-teilhabe@1.0.2 (keys through groups, as in the answers)")]
    [InlineData("leistungsbezug", "asyl", "error: tenants/test/routing.json answerRules[0]: 'asyl' is not an option of 'leistungsbezug' in bildung-und-teilhabe@1.0.2 (options: buergergeld, hzl, grundsicherung, asylblg, wohngeld, kinderzuschlag, keine)")]
    public void An_answer_rule_must_name_a_field_and_options_of_the_newest_form(string answer, string value, string? error)
    {
        _catalog.Write("tenants/test/routing.json", $$"""
            {"services": {"bildung-und-teilhabe": "sozialamt"}, "answerRules": [{"service": "bildung-und-teilhabe", "answer": "{{answer}}", "values": ["{{value}}"], "role": "asyl"}], "assignments": []}
            """);

        var errors = Errors().Where(e => e.Contains("routing.json", StringComparison.Ordinal)).ToList();
        if (error is null) errors.ShouldBeEmpty();
        else errors.ShouldBe([error]);
    }
}
