using System.Text;
using Sozialplattform.Designer.Fim;
using Sozialplattform.Designer.Tests.Support;
using Sozialplattform.Designer.Workspace;

namespace Sozialplattform.Designer.Tests.Workspace;

public sealed class FimDraftImportTests : IDisposable
{
    private const string Ns = "urn:xoev-de:fim:standard:xdatenfelder_2";
    private readonly TemporaryCatalog _catalog = new();
    private readonly FormWorkspace _workspace;

    public FimDraftImportTests() => _workspace = new FormWorkspace(new WorkspaceOptions { CatalogDirectory = _catalog.Catalog, DraftDirectory = _catalog.Drafts });

    public void Dispose() => _catalog.Dispose();

    private static string Schema => $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <xdf:xdatenfelder.stammdatenschema.0102 xmlns:xdf="{Ns}">
          <xdf:header><xdf:nachrichtID>t</xdf:nachrichtID><xdf:erstellungszeitpunkt>2024-01-01T00:00:00Z</xdf:erstellungszeitpunkt></xdf:header>
          <xdf:stammdatenschema>
            <xdf:identifikation><xdf:id>S00000077</xdf:id><xdf:version>1.0</xdf:version></xdf:identifikation>
            <xdf:name>Testschema</xdf:name>
            <xdf:bezeichnungEingabe>Testantrag</xdf:bezeichnungEingabe>
            <xdf:struktur><xdf:anzahl>1:1</xdf:anzahl><xdf:enthaelt>
              <xdf:datenfeld>
                <xdf:identifikation><xdf:id>F00000001</xdf:id><xdf:version>1.0</xdf:version></xdf:identifikation>
                <xdf:name>Vorname</xdf:name>
                <xdf:bezeichnungEingabe>Vorname</xdf:bezeichnungEingabe>
                <xdf:feldart><code>input</code></xdf:feldart>
                <xdf:datentyp><code>text</code></xdf:datentyp>
              </xdf:datenfeld>
            </xdf:enthaelt></xdf:struktur>
          </xdf:stammdatenschema>
        </xdf:xdatenfelder.stammdatenschema.0102>
        """;

    [Fact]
    public void A_FIM_upload_becomes_a_new_draft_form()
    {
        var outcome = new FimDraftImport(_workspace).Import(new MemoryStream(Encoding.UTF8.GetBytes(Schema)), "schema.xml", "anna");

        outcome.Success.ShouldBeTrue(string.Join("\n", outcome.Messages));
        var draft = outcome.Draft!;
        Encoding.UTF8.GetString(draft.Content).ShouldContain("Vorname");
        _workspace.Forms().ShouldContain(f => f.Id == draft.FormId && f.HasDraft && f.Versions.Count == 0);
    }

    [Fact]
    public void A_file_that_is_not_FIM_is_refused_with_a_message_and_nothing_is_written()
    {
        var before = _workspace.Forms().Count;

        var outcome = new FimDraftImport(_workspace).Import(new MemoryStream(Encoding.UTF8.GetBytes("<nope/>")), "kaputt.xml", "anna");

        outcome.Success.ShouldBeFalse();
        outcome.Messages.ShouldNotBeEmpty();
        outcome.Messages.ShouldAllBe(m => !m.Text.Contains("upload.xml"));
        _workspace.Forms().Count.ShouldBe(before);
    }

    [Fact]
    public void Groups_nested_too_deep_are_refused_with_the_importers_error_naming_the_group_and_its_line()
    {
        var before = Directory.GetFiles(_catalog.Catalog, "*", SearchOption.AllDirectories).Length;
        var content = $"<xdf:datenfeld><xdf:identifikation><xdf:id>F1</xdf:id><xdf:version>1.0</xdf:version></xdf:identifikation><xdf:name>F</xdf:name><xdf:feldart><code>input</code></xdf:feldart><xdf:datentyp><code>text</code></xdf:datentyp></xdf:datenfeld>";
        for (var level = 30; level >= 1; level--)
            content = $"<xdf:datenfeldgruppe>\n<xdf:identifikation><xdf:id>G{level}</xdf:id><xdf:version>1.0</xdf:version></xdf:identifikation><xdf:name>G</xdf:name><xdf:struktur><xdf:anzahl>1:1</xdf:anzahl><xdf:enthaelt>{content}</xdf:enthaelt></xdf:struktur></xdf:datenfeldgruppe>";
        var schema = Schema.Replace(Schema[Schema.IndexOf("<xdf:datenfeld>", StringComparison.Ordinal)..(Schema.IndexOf("</xdf:datenfeld>", StringComparison.Ordinal) + "</xdf:datenfeld>".Length)], content);

        var outcome = new FimDraftImport(_workspace).Import(new MemoryStream(Encoding.UTF8.GetBytes(schema)), "tief.xml", "anna");

        outcome.Success.ShouldBeFalse();
        var error = outcome.Messages.ShouldHaveSingleItem();
        error.IsError.ShouldBeTrue();
        error.Element.ShouldBe("G17 1.0");
        error.Line.ShouldBe(25); // the struktur that uses G17, inside G16 (G1 starts on line 9, each group one line further)
        error.Text.ShouldStartWith("group-too-deep: group G17 1.0 is nested 17 groups deep; the limit is 16");
        error.ToString().ShouldStartWith("Fehler in Zeile 25 bei G17 1.0: group-too-deep");
        Directory.GetFiles(_catalog.Catalog, "*", SearchOption.AllDirectories).Length.ShouldBe(before);
    }
}
