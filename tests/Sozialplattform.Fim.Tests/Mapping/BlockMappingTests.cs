using Sozialplattform.Fim.Tests.Support;
using static Sozialplattform.Fim.Tests.Support.Xdf;

namespace Sozialplattform.Fim.Tests.Mapping;

public sealed class BlockMappingTests
{
    private static readonly string Address = Group("G60000000086", Use("1:1", Field("F60000000243", label: "Straße")), label: "Anschrift", version: "2.1.0");

    [Fact]
    public void A_group_used_in_several_places_becomes_one_shared_block_and_each_use_references_it()
    {
        using var dir = new TempDirectory();
        var xml = Schema3(Use("1:1", Group("G1", Use("1:1", Address))) + Use("0:1", Group("G2", Use("0:*", Address))));

        var catalog = FimImportRunner.ImportXml(xml, dir).Catalog();

        var block = catalog.Blocks.ShouldHaveSingleItem();
        (block.Id, block.Version, block.Fim!.Id, block.Fim.Version).ShouldBe(("fim-g60000000086", "2.1.0", "G60000000086", "2.1.0"));
        block.Items.Single().Key.ShouldBe("F60000000243");
        var uses = catalog.Form.AllItems().Where(i => i.Block is not null).ToList();
        uses.Select(u => (u.Key, u.Block)).ShouldBe([("G60000000086", "fim-g60000000086@2.1.0"), ("G60000000086", "fim-g60000000086@2.1.0")]);
        uses[0].Repeat.ShouldBeNull();
        uses[1].Repeat.ShouldNotBeNull().Max.ShouldBeNull();
    }

    [Fact]
    public void A_group_used_once_is_inlined()
    {
        using var dir = new TempDirectory();

        var catalog = FimImportRunner.ImportXml(Schema3(Use("1:1", Group("G1", Use("1:1", Address)))), dir).Catalog();

        catalog.Blocks.ShouldBeEmpty();
        catalog.Form.Item("G60000000086").Items!.ShouldHaveSingleItem();
    }

    [Fact]
    public void A_group_inside_a_shared_block_counts_once_however_often_the_block_is_used()
    {
        using var dir = new TempDirectory();
        var outer = Group("G2", Use("1:1", Address));
        var catalog = FimImportRunner.ImportXml(Schema3(Use("1:1", Group("G1", Use("1:1", outer) + Use("0:1", outer)))), dir).Catalog();

        catalog.Blocks.Select(b => b.Id).ShouldBe(["fim-g2"]);
    }

    [Fact]
    public void A_group_without_version_becomes_a_block_with_version_0_0_0_and_a_warning()
    {
        using var dir = new TempDirectory();
        var unversioned = Address.Replace("<xdf:version>2.1.0</xdf:version>", "");

        var result = FimImportRunner.ImportXml(Schema3(Use("1:1", unversioned) + Use("0:1", unversioned)), dir);

        result.Catalog().Blocks.Single().Version.ShouldBe("0.0.0");
        result.WithCode("version-missing").ShouldContain(d => d.ElementId == "G60000000086");
    }
}
