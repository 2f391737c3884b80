using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Sozialplattform.Designer.Accounts;
using Sozialplattform.Designer.Components.Editor;
using Sozialplattform.Designer.Routing;
using Sozialplattform.Designer.Tests.Support;
using Sozialplattform.Designer.Workspace;

namespace Sozialplattform.Designer.Tests.Components;

/// <summary>
/// The „Zuständigkeit“ panel on the catalog's tenants, in a designer without the platform database and the portal: a form
/// no tenant routes says so prominently, a routed one names its kind of authority; only Redaktion is offered saving, and
/// what cannot be done here (saving, the trial) says why instead of failing.
/// </summary>
public sealed class RoutingPanelTests : BunitContext
{
    private readonly TemporaryCatalog _catalog = new();

    public RoutingPanelTests()
    {
        var accounts = new AuthorAccounts(Path.Combine(_catalog.Drafts, "authors.json"));
        accounts.Create("redaktion", "Redaktion", "lang-genug-passwort", AuthorRole.Editor);
        accounts.Create("autor", "Autor", "lang-genug-passwort", AuthorRole.Author);
        Services.AddSingleton(accounts);
        Services.AddSingleton(new ServiceRoutingEditor(new ServiceRouting(Path.Combine(_catalog.Catalog, "tenants")), accounts, null));
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing) _catalog.Dispose();
    }

    private IRenderedComponent<RoutingPanel> Render(string formId, string author) =>
        Render<RoutingPanel>(p => p.Add(c => c.FormId, formId).Add(c => c.Author, author));

    [Fact]
    public void A_form_no_tenant_routes_is_flagged_prominently_and_a_routed_one_names_its_kind_of_authority()
    {
        var unrouted = Render("ganz-neues-formular", "autor");
        var routed = Render("buergergeld", "autor");

        unrouted.Find("[data-testid=routing-none]").TextContent.ShouldStartWith("Keiner Behörde zugeordnet:");
        unrouted.Find("[data-testid=routing-none]").GetAttribute("role").ShouldBe("alert");
        routed.FindAll("[data-testid=routing-none]").ShouldBeEmpty();
        routed.Find("[data-testid=routing-current]").TextContent.ShouldContain("Zuständig: Jobcenter");
        routed.Find("[data-testid=routing-current]").TextContent.ShouldContain("aus der routing.json des Mandanten");
    }

    [Fact]
    public void A_service_the_tenant_routes_by_its_LeiKa_key_is_found_once_the_key_arrives()
    {
        var panel = Render<RoutingPanel>(p => p.Add(c => c.FormId, "ein-neuer-name").Add(c => c.Author, "autor"));
        panel.Find("[data-testid=routing-tenant]").Change("nrw");
        panel.Find("[data-testid=routing-none]");

        panel.Render(p => p.Add(c => c.LeikaKeys, ["99107060058000"]));

        panel.FindAll("[data-testid=routing-none]").ShouldBeEmpty();
        panel.Find("[data-testid=routing-current]").TextContent.ShouldContain("Zuständig: Sozialamt");
    }

    [Fact]
    public void Only_Redaktion_is_offered_saving_and_without_the_database_a_save_says_why()
    {
        var autor = Render("buergergeld", "autor");
        var redaktion = Render("buergergeld", "redaktion");

        autor.FindAll("[data-testid=routing-save]").ShouldBeEmpty();
        redaktion.Find("[data-testid=routing-save]").Click();
        redaktion.Find("[data-testid=routing-problem]").TextContent.ShouldStartWith("Die Zuständigkeit kann hier nicht gespeichert werden");
    }

    [Fact]
    public void Without_the_portal_the_trial_says_it_needs_the_portals_designer()
    {
        var panel = Render("buergergeld", "autor");

        panel.Find("[data-testid=routing-postal]").Change("52525");
        panel.Find("[data-testid=routing-try]").Click();

        panel.Find("[data-testid=routing-trial-error]").TextContent.ShouldStartWith("Ausprobieren geht nur im Designer des Portals");
    }

    [Fact]
    public void The_panel_opens_on_the_tenant_whose_applications_this_hosts_portal_takes_and_says_when_another_is_chosen()
    {
        var tenants = new ServiceRoutingEditor(new ServiceRouting(Path.Combine(_catalog.Catalog, "tenants")), new AuthorAccounts(Path.Combine(_catalog.Drafts, "authors.json")), null).Tenants();
        var served = tenants[^1];
        Services.AddSingleton<IRoutingTrial>(new ServedTenantOnly(served));

        var panel = Render("buergergeld", "autor");

        tenants.Count.ShouldBeGreaterThan(1);
        panel.Find("[data-testid=routing-tenant]").GetAttribute("value").ShouldBe(served);
        panel.Find($"[data-testid=routing-tenant] option[value={served}]").TextContent.ShouldBe($"{served} (dieses Portal)");
        panel.FindAll("[data-testid=routing-other-tenant]").ShouldBeEmpty();
        panel.Find("[data-testid=routing-tenant]").Change(tenants[0]);
        panel.Find("[data-testid=routing-other-tenant]").TextContent.ShouldContain($"Dieses Portal nimmt Anträge für den Mandanten {served} an");
    }

    private sealed class ServedTenantOnly(string tenant) : IRoutingTrial
    {
        public string PortalTenant => tenant;

        public Task<RoutingTrialResult> TryAsync(RoutingTrialRequest request, CancellationToken cancellationToken = default) =>
            Task.FromResult(RoutingTrialResult.Refused(PostalCodeProblem.Unknown));
    }
}
