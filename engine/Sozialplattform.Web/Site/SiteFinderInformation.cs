using Sozialplattform.Centres.Web.Hosting;

namespace Sozialplattform.Web.Site;

/// <summary>The tenant's information pages on counselling ("beratung") as the Beratungsstellenfinder's links.</summary>
public sealed class SiteFinderInformation(SitePages site, Catalog.FormCatalog catalog) : IFinderInformation
{
    public const string Topic = "beratung";

    public IReadOnlyList<InformationLink> For(string language) =>
        site.Information(Topic).Select(p => new InformationLink($"/{language}/themen/{p.Slug}", p.Title(language))).ToList();

    public bool OffersContactForm(string formId) =>
        catalog.Latest(formId) is { } form && Wizard.FormJourney.IsContactRequest(form.Definition);
}
