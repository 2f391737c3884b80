using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Sozialplattform.Designer.CodeLists;
using Sozialplattform.Designer.Documents;
using Sozialplattform.Designer.Lint;
using Sozialplattform.Designer.Preview;
using Sozialplattform.Designer.Workspace;
using Sozialplattform.Web.Tests.Infrastructure;

namespace Sozialplattform.Web.Tests.Operations;

/// <summary>
/// Code lists imported and sample answers saved in the designer are rows of the catalog's shared home
/// (<c>shared_catalog_files</c>), so a second host of the database sees them: two hosts, each with its own catalog
/// folder, on one PostgreSQL database.
/// </summary>
public sealed class SharedCodeListsAndSamplesTests(PostgresPortals portals) : IClassFixture<PostgresPortals>
{
    private static void Designer(IWebHostBuilder builder) => builder.UseSetting("Designer:RequireSecondFactor", "false");

    [SkippableFact]
    public async Task A_code_list_imported_on_host_A_is_listed_and_read_by_host_B_and_of_parallel_imports_on_both_one_wins()
    {
        var (hostA, hostB) = (portals.Host(Designer), portals.Host(Designer));
        var (listsA, listsB) = (new CatalogCodeLists(hostA.Services.GetRequiredService<FormWorkspace>()), new CatalogCodeLists(hostB.Services.GetRequiredService<FormWorkspace>()));
        var name = "geteilt-" + Guid.NewGuid().ToString("N")[..8];

        listsA.Import("a.csv", Encoding.UTF8.GetBytes("code;label\nx;Ix\n"), name, "1.0.0", null, "anna").Success.ShouldBeTrue();

        listsB.All().ShouldContain(l => l.Reference == $"{name}@1.0.0" && l.Shared && l.Count == 1);
        hostB.Services.GetRequiredService<FormWorkspace>().Catalog.CodeList(name, "1.0.0").ShouldNotBeNull().Text.ShouldContain("Ix");
        Directory.Exists(Path.Combine(hostA.Folders.Catalog, "codelists", name)).ShouldBeFalse("nothing is written into host A's catalog folder");

        var race = name + "-parallel";
        var outcomes = Enumerable.Range(0, 10).AsParallel().WithDegreeOfParallelism(10)
            .Select(i => (i % 2 == 0 ? listsA : listsB).Import($"{i}.csv", Encoding.UTF8.GetBytes($"code;label\nc;Fassung {i}\n"), race, "1.0.0", null, $"autor{i}"))
            .ToList();
        outcomes.Count(o => o.Success).ShouldBe(1);
        (await portals.ScalarAsync<long>($"SELECT count(*) FROM shared_catalog_files WHERE \"Path\" = 'codelists/{race}/1.0.0.json'")).ShouldBe(1);
    }

    [SkippableFact]
    public async Task Samples_saved_from_the_preview_on_host_A_satisfy_host_Bs_lint_and_are_published_with_the_version()
    {
        var (hostA, hostB) = (portals.Host(Designer), portals.Host(Designer));
        var (workspaceA, workspaceB) = (hostA.Services.GetRequiredService<FormWorkspace>(), hostB.Services.GetRequiredService<FormWorkspace>());
        var id = "probe-" + Guid.NewGuid().ToString("N")[..8];
        var form = (JsonObject)JsonNode.Parse(Encoding.UTF8.GetString(NewForms.Blank(id, "Probe")))!;
        form["pages"]![0]!["items"]!.AsArray().Add(JsonNode.Parse("""{"key": "name", "type": "text", "label": {"de": "Name", "en": "Name"}, "required": true}"""));
        var draft = workspaceA.Create(id, Encoding.UTF8.GetBytes(form.ToJsonString()), "anna");
        var text = Encoding.UTF8.GetString(draft.Content);
        var (valid, invalid) = ((JsonObject)JsonNode.Parse("""{"name": "Erika"}""")!, new JsonObject());
        IReadOnlyList<LintItem> LintOnB() => DefinitionLint.Run(DefinitionDocument.Parse(workspaceB.Current(id)!.Content, id), workspaceB.Catalog, samples: new DraftSamples(workspaceB).Files(id, null));
        LintOnB().ShouldContain(i => i.Code == Sozialplattform.Catalog.Lint.LintCodes.SampleMissing);

        var samplesA = new DraftSamples(workspaceA);
        samplesA.Save(id, SampleKind.Valid, valid, PreviewEvaluation.Run(text, workspaceA.Catalog, valid).Result!, "anna").Saved.ShouldBeTrue();
        samplesA.Save(id, SampleKind.Invalid, invalid, PreviewEvaluation.Run(text, workspaceA.Catalog, invalid).Result!, "anna").Saved.ShouldBeTrue();

        LintOnB().ShouldNotContain(i => i.Code == Sozialplattform.Catalog.Lint.LintCodes.SampleMissing);
        workspaceB.Publish(id, workspaceB.Current(id)!.ETag, "1.0.0", "bert").ShouldBeOfType<SaveResult.Published>();
        var published = workspaceA.SampleAnswerFiles(id, "1.0.0");
        published.Keys.Order().ShouldBe(["invalid.expected.json", "invalid.json", "valid.json"]);
        JsonNode.Parse(published["invalid.expected.json"])!["errors"]![0]!["code"]!.GetValue<string>().ShouldBe("required");
    }
}
