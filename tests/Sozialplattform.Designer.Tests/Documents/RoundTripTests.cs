using Sozialplattform.Designer.Documents;
using Sozialplattform.Designer.Tests.Support;

namespace Sozialplattform.Designer.Tests.Documents;

public sealed class RoundTripTests
{
    public static TheoryData<string> Forms()
    {
        var data = new TheoryData<string>();
        foreach (var file in Repository.CatalogForms()) data.Add(Path.GetRelativePath(Repository.Root, file));
        foreach (var file in Directory.GetFiles(Path.Combine(Repository.Samples, "forms"), "form.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            data.Add(Path.GetRelativePath(Repository.Root, file));
        return data;
    }

    [Theory]
    [MemberData(nameof(Forms))]
    public void An_untouched_form_is_saved_byte_for_byte_as_it_was_read(string relativePath)
    {
        var bytes = File.ReadAllBytes(Path.Combine(Repository.Root, relativePath));

        var document = DefinitionDocument.Parse(bytes, relativePath);

        document.ToUtf8().ShouldBe(bytes);
    }
}
