using Sozialplattform.Catalog.Lint;
using Sozialplattform.Catalog.Tenants;

namespace Sozialplattform.Catalog.Tests.Tenants;

/// <summary>A tenant's legal, help and information pages in its folder: what the lint refuses and how the pages are read.</summary>
public class TenantPagesTests
{
    [Theory]
    [InlineData("nrw")]
    [InlineData("hessen-beispiel")]
    public void The_example_tenants_have_every_required_page_in_german_and_no_page_problem(string tenant)
    {
        TenantPages.Problems(Repository.Catalog, tenant).ShouldBeEmpty();
        var pages = TenantPages.Load(Repository.Catalog.FullPath($"tenants/{tenant}"));
        TenantPages.Required.ShouldAllBe(slug => pages.Any(p => p.Slug == slug));
    }

    [Fact]
    public void A_tenant_without_its_legal_pages_fails_the_lint_naming_each_missing_file_and_its_law()
    {
        using var catalog = new TemporaryCatalog().CopyFromServices("tenants/nrw");
        foreach (var file in Directory.GetFiles(Path.Combine(catalog.Folder, "tenants/nrw/pages"), "impressum.*")) File.Delete(file);
        File.Delete(Path.Combine(catalog.Folder, "tenants/nrw/pages/barrierefreiheit.de.md"));

        var findings = CatalogLinter.Lint(catalog.Root).Where(f => f.File.Contains("/pages/", StringComparison.Ordinal)).ToList();

        findings.ShouldContain(f => f.File == "tenants/nrw/pages/impressum.de.md" && f.Message.Contains("Impressum, § 5 DDG") && f.Severity == LintSeverity.Error);
        findings.ShouldContain(f => f.File == "tenants/nrw/pages/barrierefreiheit.de.md" && f.Message.Contains("BITV 2.0 § 7"));
        findings.ShouldContain(f => f.File == "tenants/nrw/pages/barrierefreiheit.en.md" && f.Message.Contains("there is no German barrierefreiheit.de.md"));
    }

    [Theory]
    [InlineData("hilfe.en.md", "# Help\n\nDrafts are kept {{ drafts.keepForever }} days.", "unknown placeholder '{{ drafts.keepForever }}'")]
    [InlineData("hilfe.en.md", "Help without a title", "must begin with its title as '# Title'")]
    [InlineData("Hilfe_EN.md", "# Help", "the name must be <slug>.<language>.md")]
    [InlineData("hilfe.english.md", "# Help", "the name must be <slug>.<language>.md")]
    public void A_page_with_an_unknown_placeholder_without_title_or_with_a_bad_name_is_reported_with_its_file(string file, string text, string problem)
    {
        using var catalog = new TemporaryCatalog().CopyFromServices("tenants/nrw");
        catalog.Write($"tenants/nrw/pages/{file}", text);

        TenantPages.Problems(catalog.Root, "nrw").ShouldContain(p => p.File == $"tenants/nrw/pages/{file}" && p.Problem.Contains(problem));
    }

    [Fact]
    public void Front_matter_gives_an_information_page_its_topics_and_order_and_is_not_part_of_the_text()
    {
        var pages = TenantPages.Load(Repository.Catalog.FullPath("tenants/nrw"));

        var debts = pages.Single(p => p.Slug == "schulden");
        debts.IsInformation.ShouldBeTrue();
        debts.Topics.ShouldBe(["beratung", "wohnen"]);
        debts.Order.ShouldBe(1);
        debts.Resolve("de").Markdown.ShouldStartWith("# Schulden – was tun?");
        debts.Title("ar").ShouldBe("Schulden – was tun?", "German is the fallback");
        debts.Resolve("ar").Language.ShouldBe("de");
        pages.Single(p => p.Slug == "impressum").IsInformation.ShouldBeFalse();
    }

    [Fact]
    public void Placeholders_are_filled_with_their_values_and_unknown_ones_stay_visible()
    {
        TenantPages.Fill("{{ drafts.retentionDays }} Tage, {{drafts.retentionDays}}, {{ nope }}", new Dictionary<string, string> { ["drafts.retentionDays"] = "30" })
            .ShouldBe("30 Tage, 30, {{ nope }}");
    }
}
