using Sozialplattform.Catalog.Tenants;

namespace Sozialplattform.Catalog.Tests.Tenants;

public class BrandingTests
{
    [Theory]
    [InlineData("nrw")]
    [InlineData("hessen-beispiel")]
    public void The_example_tenants_have_readable_branding(string tenant)
    {
        var branding = TenantBranding.Load(Repository.Catalog, tenant);

        branding.Logo.ShouldBe("logo.svg");
        foreach (var (foreground, background) in TenantBranding.ContrastPairs)
            TenantBranding.Contrast(branding.Colors[foreground], branding.Colors[background]).ShouldBeGreaterThanOrEqualTo(TenantBranding.MinimumContrast);
    }

    [Fact]
    public void Black_on_white_has_the_maximum_contrast_of_21_to_1()
    {
        TenantBranding.Contrast("#000000", "#FFFFFF").ShouldBe(21, tolerance: 0.01);
    }

    [Fact]
    public void Branding_with_too_little_contrast_is_refused_with_the_ratio()
    {
        using var catalog = new TemporaryCatalog().CopyFromServices("tenants/nrw");
        catalog.Write("tenants/nrw/branding.json", catalog.Read("tenants/nrw/branding.json").Replace("\"onPrimary\": \"#FFFFFF\"", "\"onPrimary\": \"#7FA7D0\""));

        var error = Should.Throw<CatalogException>(() => TenantBranding.Load(catalog.Root, "nrw"));

        error.Message.ShouldContain("'onPrimary' #7FA7D0 on 'primary' #005A9C has a contrast of");
        error.Message.ShouldContain("WCAG AA needs 4.5:1");
    }

    [Fact]
    public void A_logo_outside_the_tenant_folder_is_refused()
    {
        using var catalog = new TemporaryCatalog().CopyFromServices("tenants/nrw");
        catalog.Write("tenants/nrw/branding.json", catalog.Read("tenants/nrw/branding.json").Replace("\"logo.svg\"", "\"../../catalog.json\""));

        Should.Throw<CatalogException>(() => TenantBranding.Load(catalog.Root, "nrw")).Message.ShouldContain("is not a file in the tenant folder");
    }

    [Fact]
    public void A_logo_text_without_a_fitted_length_is_refused_because_a_wider_font_cuts_off_its_last_letters()
    {
        using var catalog = new TemporaryCatalog().CopyFromServices("tenants/nrw");
        catalog.Write("tenants/nrw/logo.svg", catalog.Read("tenants/nrw/logo.svg").Replace(" textLength=\"212\"", ""));

        Should.Throw<CatalogException>(() => TenantBranding.Load(catalog.Root, "nrw")).Message
            .ShouldContain("logo 'logo.svg': text 'Sozialplattform NRW' has no textLength");
    }

    [Fact]
    public void A_logo_text_that_ends_past_the_picture_is_refused_with_both_positions()
    {
        using var catalog = new TemporaryCatalog().CopyFromServices("tenants/nrw");
        catalog.Write("tenants/nrw/logo.svg", catalog.Read("tenants/nrw/logo.svg").Replace("textLength=\"212\"", "textLength=\"230\""));

        Should.Throw<CatalogException>(() => TenantBranding.Load(catalog.Root, "nrw")).Message
            .ShouldContain("text 'Sozialplattform NRW' ends at 290 but the viewBox ends at 280");
    }
}
