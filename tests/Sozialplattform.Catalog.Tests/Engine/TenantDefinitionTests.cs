using Sozialplattform.Catalog.Tenants;
using Sozialplattform.Engine;
using Sozialplattform.Engine.Catalog;

namespace Sozialplattform.Catalog.Tests.Engine;

/// <summary>A shared definition with a tenant's text overrides is still a definition the engine runs unchanged.</summary>
public class TenantDefinitionTests
{
    [Theory]
    [InlineData("nrw")]
    [InlineData("hessen-beispiel")]
    public void Definitions_with_the_tenants_text_overrides_load_in_the_engine_and_give_the_same_verdicts(string tenant)
    {
        foreach (var texts in TenantTexts.LoadAll(Repository.Catalog, tenant))
        {
            var form = new CatalogReference(texts.FormId, texts.Version ?? "1.0.0");
            var shared = CatalogJson.ReadObject(Path.Combine(CatalogForms.Folder(form), "form.json"));
            var overridden = TextOverrides.Apply(shared, texts);

            var loaded = FormEngine.LoadText(overridden.ToJsonString(), $"{tenant}:{form}", new CatalogDirectory(Repository.CatalogFolder), CatalogForms.Options);

            loaded.Problems.Select(p => p.ToString()).ShouldBeEmpty();
            var answers = AnswerReader.ReadFile(Path.Combine(CatalogForms.Folder(form), "answers", "invalid.json"), FormEngineOptions.Default.AnswerLimits).Answers!;
            loaded.Engine!.Validate(answers).Errors.Select(e => e.ToString())
                .ShouldBe(CatalogForms.Engine(form).Validate(answers).Errors.Select(e => e.ToString()));
        }
    }
}
