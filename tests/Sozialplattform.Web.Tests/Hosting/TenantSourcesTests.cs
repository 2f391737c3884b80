using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;
using Sozialplattform.Catalog;
using Sozialplattform.Delivery;
using Sozialplattform.Engine;
using Sozialplattform.Web.Catalog;
using Sozialplattform.Web.Hosting;
using Sozialplattform.Web.Tests.Infrastructure;

namespace Sozialplattform.Web.Tests.Hosting;

/// <summary>
/// A tenant folder kept outside the shared catalog (the test hosts' tenants folder has no catalog.json): the host says at
/// start where the branding, texts and topics came from, the place step shows the tenant's examples, and a missing or
/// broken tenant file stops the start with its name and what is wrong.
/// </summary>
public sealed class TenantSourcesTests(TenantSourcesTests.MarburgPortal portal) : IClassFixture<TenantSourcesTests.MarburgPortal>
{
    [Fact]
    public async Task The_start_log_names_the_files_the_branding_texts_and_topics_came_from()
    {
        await portal.Browse().GetAsync("/de");
        var lines = portal.Log.Lines.Select(l => l.Message).ToList();
        var tenant = Path.GetFullPath(portal.Folders.Tenant);

        lines.ShouldContain($"Branding: {Path.Combine(tenant, "branding.json")}");
        lines.ShouldContain($"Texts: overrides from {Path.Combine(tenant, "texts")}: haushalt@1.0.0");
        lines.ShouldContain(l => l.StartsWith("Topics: ", StringComparison.Ordinal) && l.Contains(Path.Combine(portal.Folders.Catalog, "catalog.json"), StringComparison.Ordinal));
        lines.ShouldContain(l => l.StartsWith("Topic pages: ", StringComparison.Ordinal) && l.Contains("schulden", StringComparison.Ordinal) && l.EndsWith(Path.Combine(tenant, "pages"), StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_tenants_branding_and_texts_apply_although_its_folder_is_outside_the_catalog()
    {
        var service = await portal.Browse().GetAsync("/de/leistungen/haushalt");

        service.Html.ShouldContain("Haushalt in Hessen");
        (await portal.Browse().GetAsync("/de")).Html.ShouldContain("Hessen");
    }

    [Fact]
    public async Task The_place_hint_and_the_examples_of_its_error_come_from_the_tenant()
    {
        var client = portal.Browse();
        var place = await client.SubmitAsync(await client.GetAsync("/de/leistungen/haushalt"), "/starten");
        place.Text("#ort-hint").ShouldBe("Zum Beispiel 35037 oder Marburg");
        (await client.GetAsync("/en" + place.Path[3..])).Text("#ort-hint").ShouldBe("For example 35037 or Marburg");

        var lookup = await client.GetAsync("/de/leistungen/haushalt?ort=123");
        lookup.Text("#office-place-error").ShouldEndWith("Eine Postleitzahl hat fünf Ziffern, zum Beispiel 35037.");
    }

    [Fact]
    public async Task A_postal_code_in_two_Gemeinden_of_the_tenants_list_is_a_choice_and_the_chosen_Gemeinde_is_kept()
    {
        var client = portal.Browse();
        var place = await client.SubmitAsync(await client.GetAsync("/de/leistungen/haushalt"), "/starten");

        var choices = await client.SubmitAsync(place, "/ort/waehlen", new Dictionary<string, string?> { ["ort"] = "46325" });
        choices.Document.QuerySelectorAll("input[name=wahl]").Select(i => i.GetAttribute("value")).ShouldBe(["46325|055540012012|Borken", "46325|055540064064|Velen"]);

        var chosen = await client.SubmitAsync(choices, "/ort/waehlen", new Dictionary<string, string?> { ["wahl"] = "46325|055540064064|Velen" });
        chosen.Text(".panel p").ShouldBe("Ihr Ort: 46325 Velen");
    }

    [Fact]
    public async Task A_posted_Gemeinde_the_postal_code_does_not_lie_in_is_not_trusted()
    {
        var client = portal.Browse();
        var place = await client.SubmitAsync(await client.GetAsync("/de/leistungen/haushalt"), "/starten");
        var choices = await client.SubmitAsync(place, "/ort/waehlen", new Dictionary<string, string?> { ["ort"] = "46325" });

        var chosen = await client.SubmitAsync(choices, "/ort/waehlen", new Dictionary<string, string?> { ["wahl"] = "46325|055540008008|<script>alert(1)</script>Bocholt" });

        chosen.Text(".panel p").ShouldBe("Ihr Ort: 46325 Borken");
        chosen.Html.ShouldNotContain("<script>alert(1)");
    }

    [Fact]
    public void Without_a_branding_file_or_text_overrides_the_sources_say_default_and_where_they_looked()
    {
        using var folders = new Infrastructure.PortalFolders();
        var delivery = new DeliveryOptions { TenantsFolder = folders.Tenants };

        PortalBranding.Load(delivery, new PortalOptions { Tenant = "test" }).Source.ShouldBe($"default (no {Path.Combine(Path.GetFullPath(folders.Tenant), "branding.json")})");
        FormCatalog.Load([folders.Catalog], folders.Tenants, "test", new FormEngineOptions()).Sources
            .ShouldContain($"Texts: default (no text overrides in {Path.Combine(Path.GetFullPath(folders.Tenant), "texts")})");
    }

    [Fact]
    public void A_broken_branding_file_stops_the_start_naming_the_file_and_the_field()
    {
        using var folders = new Infrastructure.PortalFolders();
        File.WriteAllText(Path.Combine(folders.Tenant, "branding.json"), """{"name": {"de": "Nur Deutsch"}, "shortName": {"de": "X", "en": "X"}, "colors": {}}""");

        var error = Should.Throw<CatalogException>(() => PortalBranding.Load(new DeliveryOptions { TenantsFolder = folders.Tenants }, new PortalOptions { Tenant = "test" }));
        error.Message.ShouldStartWith("tenants/test/branding.json:");
        error.Message.ShouldContain("'name' needs de and en");
    }

    [Fact]
    public void A_broken_text_override_stops_the_start_naming_the_file()
    {
        using var folders = new Infrastructure.PortalFolders();
        var file = Path.Combine(folders.Tenant, "texts", "haushalt.json");
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        File.WriteAllText(file, """{"form": "haushalt", "texts": {"form.title": "kein Objekt"}}""");

        var error = Should.Throw<CatalogException>(() => FormCatalog.Load([folders.Catalog], folders.Tenants, "test", new FormEngineOptions()));
        error.Message.ShouldStartWith($"{file}: the text for 'form.title' must be an object");
    }

    [Fact]
    public void A_missing_tenant_folder_stops_the_start_naming_it()
    {
        using var host = new MissingTenantPortal();

        var error = Should.Throw<InvalidOperationException>(() => host.CreateClient());
        error.Message.ShouldContain("The portal's tenant 'fehlt' (Sozialplattform:Portal:Tenant) has no folder");
    }

    /// <summary>The test tenant with Hessen's branding, a text override and its place examples, and a log kept for assertions.</summary>
    public sealed class MarburgPortal : Infrastructure.PortalFactory
    {
        public MarburgPortal()
        {
            var tenant = Folders.Tenant;
            var hessen = Path.Combine(Infrastructure.RepositoryPaths.FormsCatalog, "tenants", "hessen-beispiel");
            File.WriteAllText(Path.Combine(tenant, "branding.json"), File.ReadAllText(Path.Combine(hessen, "branding.json")).Replace("\"hessen-beispiel\"", "\"test\"", StringComparison.Ordinal));
            File.Copy(Path.Combine(hessen, "logo.svg"), Path.Combine(tenant, "logo.svg"));
            Directory.CreateDirectory(Path.Combine(tenant, "texts"));
            File.WriteAllText(Path.Combine(tenant, "texts", "haushalt.json"), """{"form": "haushalt", "version": "1.0.0", "texts": {"form.title": {"de": "Haushalt in Hessen", "en": "Household in Hesse"}}}""");
            File.WriteAllText(Path.Combine(tenant, "municipalities.json"), """
                { "municipalities": [ { "ars": "055540012012", "name": "Borken", "postalCodes": ["46325"] }, { "ars": "055540064064", "name": "Velen", "postalCodes": ["46325"] } ] }
                """);
            var settings = File.ReadAllText(Path.Combine(tenant, "tenant.json")).TrimEnd().TrimEnd('}');
            File.WriteAllText(Path.Combine(tenant, "tenant.json"), settings + """, "place": { "examplePostalCode": "35037", "examplePlace": "Marburg" } }""");
        }

        public Infrastructure.KeptLog Log { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Sozialplattform:Geo:CsvPath", Places.Path);
            builder.ConfigureLogging(logging => logging.AddProvider(Log));
        }

        private Infrastructure.PostalCodeFile Places { get; } = new(Infrastructure.PostalCodeFile.Borken);

        protected override void Dispose(bool disposing)
        {
            base.Dispose(disposing);
            if (disposing) Places.Dispose();
        }
    }

    private sealed class MissingTenantPortal : Infrastructure.PortalFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Sozialplattform:Portal:Tenant", "fehlt");
        }
    }
}
