using System.Text.Json;
using Sozialplattform.Fim.Definitions;
using Sozialplattform.Fim.Tests.Support;

namespace Sozialplattform.Fim.Tests.Exporting;

/// <summary>
/// The export's own reader of definition files (<see cref="DocumentReader"/>) reads exactly what the serializer
/// (<see cref="DefinitionJson.Read{T}"/>) reads: every file an import of the real standards writes, every definition of
/// the repository, and the same refusals for files that are not documents.
/// </summary>
public sealed class DocumentReaderTests
{
    [SkippableTheory]
    [MemberData(nameof(StandardsFiles.ImportableSchemas), MemberType = typeof(StandardsFiles))]
    public void Every_file_an_import_writes_reads_back_to_the_same_bytes_as_with_the_serializer(string file)
    {
        var path = TestPaths.RequireStandard(file);
        using var work = new TempDirectory();
        var catalog = FimImportRunner.Import(path).Catalog();
        CatalogWriter.Write(catalog, work.Path);

        var form = CatalogLayout.Form(work.Path, catalog.Form.Id, catalog.Form.Version);
        Same(form, DocumentReader.ReadForm, DefinitionJson.Read<FormDocument>);
        DefinitionJson.Serialize(DocumentReader.ReadForm(form)).ShouldBe(File.ReadAllText(form));
        foreach (var block in catalog.Blocks)
            Same(CatalogLayout.Block(work.Path, block.Id, block.Version), DocumentReader.ReadBlock, DefinitionJson.Read<BlockDocument>);
        foreach (var list in catalog.CodeLists)
            Same(CatalogLayout.CodeList(work.Path, list.Id, list.Version), DocumentReader.ReadCodeList, DefinitionJson.Read<CodeListDocument>);
    }

    [Fact]
    public void Every_definition_of_the_repository_reads_as_with_the_serializer()
    {
        string[] roots = [Path.Combine(TestPaths.RepositoryRoot, "samples"), Path.Combine(TestPaths.RepositoryRoot, "forms-catalog")];
        var files = roots.SelectMany(r => Directory.EnumerateFiles(r, "*.json", SearchOption.AllDirectories)).ToList();
        var forms = files.Where(f => Path.GetFileName(f) == "form.json").ToList();
        forms.Count.ShouldBeGreaterThan(10);

        foreach (var form in forms) Same(form, DocumentReader.ReadForm, DefinitionJson.Read<FormDocument>);
        foreach (var block in files.Where(f => f.Contains($"{Path.DirectorySeparatorChar}blocks{Path.DirectorySeparatorChar}", StringComparison.Ordinal)))
            Same(block, DocumentReader.ReadBlock, DefinitionJson.Read<BlockDocument>);
        foreach (var list in files.Where(f => f.Contains($"{Path.DirectorySeparatorChar}code-lists{Path.DirectorySeparatorChar}", StringComparison.Ordinal)))
            Same(list, DocumentReader.ReadCodeList, DefinitionJson.Read<CodeListDocument>);
    }

    [Theory]
    [InlineData("""{"version": "1.0.0", "title": "T", "pages": []}""")]
    [InlineData("""{"id": "f", "version": "1.0.0", "title": 5, "pages": []}""")]
    [InlineData("""{"id": "f", "version": "1.0.0", "title": "T", "pages": {}}""")]
    [InlineData("""{"id": "f", "version": "1.0.0", "title": "T", "pages": [{"id": "p", "title": "P", "items": [{"key": "a", "type": "text", "required": "ja"}]}]}""")]
    [InlineData("""{"id": "f", "version": "1.0.0", "title": "T", "pages": [{"id": "p", "title": "P", "items": [{"key": "a", "type": "text", "maxLength": 1.5}]}]}""")]
    [InlineData("""{"id": "f", "version": "1.0.0", "title": "T", "pages": [{"id": "p", "title": "P", "items": [{"key": "a", "type": "text", "label": {"de": 1}}]}]}""")]
    [InlineData("""{"id": "f", "version": "1.0.0", "title": "T", "pages": [}""")]
    [InlineData("""[]""")]
    [InlineData("""null""")]
    public void What_the_serializer_refuses_the_reader_refuses_as_unreadable_json(string text)
    {
        using var work = new TempDirectory();
        var file = work.File("form.json", text);

        Should.Throw<JsonException>(() => DefinitionJson.Read<FormDocument>(file));
        Should.Throw<JsonException>(() => DocumentReader.ReadForm(file));
    }

    [Fact]
    public void Comments_trailing_commas_unknown_properties_and_repeated_properties_read_as_with_the_serializer()
    {
        using var work = new TempDirectory();
        var file = work.File("form.json", """
            // a comment
            {"id": "f", "version": "1.0.0", "title": {"de": "Titel", "en": "Title"}, "unknown": {"x": [1, 2]},
             "service": {"fim": {"id": "S1", "version": "1.0"}},
             "pages": [{"id": "p", "title": "P", "items": [
               {"key": "a", "type": "number", "label": "Alter", "min": 0, "max": "99", "default": {"x": true}, "required": true, "required": false,
                "options": [{"code": "x", "label": "X", "hint": {"de": "h"}}], "repeat": {"min": 1}, "maxSize": 5000000000,
                "notes": [{"text": "n", "fim": {"id": "R1"}}], "validations": [{"when": "a > 1", "message": "m", "code": "c"}],},
             ]}],
            }
            """);

        Same(file, DocumentReader.ReadForm, DefinitionJson.Read<FormDocument>);
        DocumentReader.ReadForm(file).Pages[0].Items[0].Required.ShouldBe(false);
    }

    private static void Same<T>(string file, Func<string, T> reader, Func<string, T> serializer)
    {
        string Outcome(Func<string, T> read)
        {
            try
            {
                return DefinitionJson.Serialize(read(file));
            }
            catch (JsonException)
            {
                return "unreadable";
            }
        }

        Outcome(reader).ShouldBe(Outcome(serializer), file);
    }
}
