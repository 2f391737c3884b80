using System.Net;
using System.Text;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Sozialplattform.Designer.Documents;
using Sozialplattform.Designer.Fim;
using Sozialplattform.Designer.Lint;
using Sozialplattform.Designer.Workspace;
using Sozialplattform.Engine.Definitions;
using Sozialplattform.Storage.Operations;
using Sozialplattform.Web.Catalog;
using Sozialplattform.Web.Tests.Infrastructure;

namespace Sozialplattform.Web.Tests.Operations;

/// <summary>
/// The blocks and code lists of a FIM upload live in the catalog's shared home (table <c>shared_catalog_files</c>,
/// insert only), not in one host's catalog folder: a form imported and published on host A is served by host B with the
/// block resolved, host B's designer lints the draft without a missing reference, and a stored file never changes.
/// Two hosts (each with its own catalog folder) on one PostgreSQL database.
/// </summary>
public sealed class SharedCatalogFilesTests(PostgresPortals portals) : IClassFixture<PostgresPortals>
{
    private const string Author = "redaktion";
    private const string Ns = "urn:xoev-de:fim:standard:xdatenfelder_2";

    /// <summary>One group (an address) used twice: the importer makes it a shared block.</summary>
    private static string Schema(string schemaId, string groupId, string streetLabel)
    {
        var address = $"""
            <xdf:datenfeldgruppe>
              <xdf:identifikation><xdf:id>{groupId}</xdf:id><xdf:version>1.0</xdf:version></xdf:identifikation>
              <xdf:name>Anschrift</xdf:name><xdf:bezeichnungEingabe>Anschrift</xdf:bezeichnungEingabe>
              <xdf:struktur><xdf:anzahl>1:1</xdf:anzahl><xdf:enthaelt><xdf:datenfeld>
                <xdf:identifikation><xdf:id>F00000011</xdf:id><xdf:version>1.0</xdf:version></xdf:identifikation>
                <xdf:name>Strasse</xdf:name><xdf:bezeichnungEingabe>{streetLabel}</xdf:bezeichnungEingabe>
                <xdf:feldart><code>input</code></xdf:feldart><xdf:datentyp><code>text</code></xdf:datentyp>
              </xdf:datenfeld></xdf:enthaelt></xdf:struktur>
            </xdf:datenfeldgruppe>
            """;
        return $"""
            <?xml version="1.0" encoding="UTF-8"?>
            <xdf:xdatenfelder.stammdatenschema.0102 xmlns:xdf="{Ns}">
              <xdf:header><xdf:nachrichtID>t</xdf:nachrichtID><xdf:erstellungszeitpunkt>2024-01-01T00:00:00Z</xdf:erstellungszeitpunkt></xdf:header>
              <xdf:stammdatenschema>
                <xdf:identifikation><xdf:id>{schemaId}</xdf:id><xdf:version>1.0</xdf:version></xdf:identifikation>
                <xdf:name>Anschriften</xdf:name><xdf:bezeichnungEingabe>Zwei Anschriften</xdf:bezeichnungEingabe>
                <xdf:struktur><xdf:anzahl>1:1</xdf:anzahl><xdf:enthaelt>{address}</xdf:enthaelt></xdf:struktur>
                <xdf:struktur><xdf:anzahl>0:1</xdf:anzahl><xdf:enthaelt>{address}</xdf:enthaelt></xdf:struktur>
              </xdf:stammdatenschema>
            </xdf:xdatenfelder.stammdatenschema.0102>
            """;
    }

    private static FimImportOutcome Upload(PortalFactory host, string schema, string file) =>
        new FimDraftImport(host.Services.GetRequiredService<FormWorkspace>()).Import(new MemoryStream(Encoding.UTF8.GetBytes(schema)), file, Author);

    [SkippableFact]
    public async Task A_form_imported_from_FIM_and_published_on_host_A_is_served_by_host_B_with_its_shared_block()
    {
        var (hostA, hostB) = (portals.Host(Designer), portals.Host(Designer));
        var filesOnDiskA = Directory.GetFiles(hostA.Folders.Catalog, "*", SearchOption.AllDirectories).Length;

        var outcome = Upload(hostA, Schema("S00000090", "G00000010", "Straße"), "anschriften.xml");

        outcome.Success.ShouldBeTrue(string.Join("\n", outcome.Messages));
        var id = outcome.Draft!.FormId;
        Encoding.UTF8.GetString(outcome.Draft.Content).ShouldContain("\"block\"");
        var stored = await portals.ScalarAsync<string>("SELECT \"Path\" FROM shared_catalog_files WHERE \"Path\" LIKE 'blocks/fim-g00000010/%'");
        stored.ShouldNotBeNull("the block is a row of the shared home");
        Directory.GetFiles(hostA.Folders.Catalog, "*", SearchOption.AllDirectories).Length.ShouldBe(filesOnDiskA, "nothing is written into host A's catalog folder");

        // Host B's designer reads the draft with the block: no engine error, no "not in the catalog".
        var workspaceB = hostB.Services.GetRequiredService<FormWorkspace>();
        var lint = DefinitionLint.Run(DefinitionDocument.Parse(workspaceB.Open(id, "bert").Content, id), workspaceB.Catalog);
        // (an imported form lacks the catalog's metadata — topic, keywords, sample answers —, which the lint rightly names)
        lint.Where(i => i.IsError && (i.Source == LintSource.Engine || i.Message.Contains("in the catalog", StringComparison.Ordinal)))
            .ShouldBeEmpty(string.Join("\n", lint.Select(i => i.Message)));

        hostA.Services.GetRequiredService<FormWorkspace>().Publish(id, outcome.Draft.ETag, "1.0.0", Author).ShouldBeOfType<SaveResult.Published>();

        var client = hostB.CreateClient();
        var deadline = DateTime.UtcNow.AddMinutes(2); // a ceiling for a busy machine: hosts look every 2 s
        while ((await client.GetAsync($"/de/leistungen/{id}")).StatusCode != HttpStatusCode.OK)
        {
            if (DateTime.UtcNow > deadline) throw new ShouldAssertException($"host B does not serve {id} 2 minutes after it was published on host A");
            await Task.Delay(100); // between polls of the condition
        }

        var form = hostB.Services.GetRequiredService<FormCatalog>().Find(id, "1.0.0")!;
        var fields = Fields(form.Definition.Pages.SelectMany(p => p.Items)).Select(f => f.Key).ToList();
        fields.Count.ShouldBe(2, $"both uses of the block's one field are resolved on host B: {string.Join(", ", fields)}");
    }

    [SkippableFact]
    public async Task A_block_stored_in_the_shared_home_never_changes_and_an_upload_with_other_content_under_its_name_is_refused()
    {
        var (hostA, hostB) = (portals.Host(Designer), portals.Host(Designer));
        Upload(hostA, Schema("S00000091", "G00000020", "Straße und Hausnummer"), "erste.xml").Success.ShouldBeTrue();
        var path = await portals.ScalarAsync<string>("SELECT \"Path\" FROM shared_catalog_files WHERE convert_from(\"Content\", 'UTF8') LIKE '%Straße und Hausnummer%'");
        path.ShouldNotBeNull();
        var shared = hostB.Services.GetRequiredService<SharedCatalog>();
        var before = shared.CatalogFile(path)!;

        var other = Upload(hostB, Schema("S00000092", "G00000020", "&lt;script&gt;alert(1)&lt;/script&gt;"), "zweite.xml");
        var again = shared.TryAddCatalogFile(new SharedCatalogFile { Path = path, Content = "{}"u8.ToArray(), ContentHash = "x", AddedBy = "angreifer" });

        other.Success.ShouldBeFalse();
        other.Messages.First().Text.ShouldBe($"{path} gibt es im Katalog schon mit anderem Inhalt; veröffentlichte Dateien werden nie überschrieben.");
        again.ShouldBeFalse();
        var after = shared.CatalogFile(path)!;
        after.Content.ShouldBe(before.Content);
        (after.ContentHash, after.AddedBy).ShouldBe((before.ContentHash, before.AddedBy));
        (await portals.ScalarAsync<long>($"SELECT count(*) FROM shared_catalog_files WHERE \"Path\" = '{path}'")).ShouldBe(1);
        hostB.Services.GetRequiredService<FormWorkspace>().Forms().ShouldNotContain(f => f.Id == "fim-s00000092", "a refused upload leaves no draft");
    }

    private static IEnumerable<ElementDefinition> Fields(IEnumerable<ElementDefinition> items) =>
        items.SelectMany(i => i is GroupDefinition group ? Fields(group.Items) : [i]);

    private static void Designer(IWebHostBuilder builder) => builder.UseSetting("Designer:RequireSecondFactor", "false");
}
