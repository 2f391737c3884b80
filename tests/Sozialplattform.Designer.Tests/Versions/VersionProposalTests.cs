using Sozialplattform.Designer.Diff;
using Sozialplattform.Designer.Versions;

namespace Sozialplattform.Designer.Tests.Versions;

public sealed class VersionProposalTests
{
    private static DiffEntry Entry(ChangeType change, ChangeArea area, string? property = null, string? detail = null, string? before = null, string? after = null) =>
        new("a", "text", change, area, property, detail, before, after);

    public static TheoryData<string, DiffEntry, Impact> Rules() => new()
    {
        { "a removed field", Entry(ChangeType.Removed, ChangeArea.Element), Impact.Major },
        { "a new required field", Entry(ChangeType.Added, ChangeArea.Element, detail: "required"), Impact.Major },
        { "a new optional field", Entry(ChangeType.Added, ChangeArea.Element), Impact.Minor },
        { "a new page", Entry(ChangeType.Added, ChangeArea.Page), Impact.Minor },
        { "a field that becomes required", Entry(ChangeType.Changed, ChangeArea.Constraint, "required", before: "false", after: "true"), Impact.Major },
        { "a required field that becomes optional", Entry(ChangeType.Changed, ChangeArea.Constraint, "required", before: "true", after: "false"), Impact.Minor },
        { "a new requiredIf", Entry(ChangeType.Added, ChangeArea.Rule, "requiredIf"), Impact.Major },
        { "a changed visibleIf", Entry(ChangeType.Changed, ChangeArea.Rule, "visibleIf"), Impact.Minor },
        { "a changed type", Entry(ChangeType.Changed, ChangeArea.Type, "type"), Impact.Major },
        { "a lower maximum", Entry(ChangeType.Changed, ChangeArea.Constraint, "max", before: "30", after: "25"), Impact.Major },
        { "a higher maximum", Entry(ChangeType.Changed, ChangeArea.Constraint, "max", before: "30", after: "40"), Impact.Minor },
        { "a higher minimum", Entry(ChangeType.Changed, ChangeArea.Constraint, "min", before: "0", after: "1"), Impact.Major },
        { "a shorter maxLength", Entry(ChangeType.Changed, ChangeArea.Constraint, "maxLength", before: "60", after: "40"), Impact.Major },
        { "a new pattern", Entry(ChangeType.Added, ChangeArea.Constraint, "pattern"), Impact.Major },
        { "a removed pattern", Entry(ChangeType.Removed, ChangeArea.Constraint, "pattern"), Impact.Minor },
        { "a removed option", Entry(ChangeType.Removed, ChangeArea.Option, "options", "b"), Impact.Major },
        { "a new option", Entry(ChangeType.Added, ChangeArea.Option, "options", "c"), Impact.Minor },
        { "a new check", Entry(ChangeType.Added, ChangeArea.Validation, "validations", "x"), Impact.Major },
        { "a removed check", Entry(ChangeType.Removed, ChangeArea.Validation, "validations", "x"), Impact.Minor },
        { "a new declaration", Entry(ChangeType.Added, ChangeArea.Declaration, "declarations", "x"), Impact.Major },
        { "a field moved to another group", Entry(ChangeType.Moved, ChangeArea.Element, "key"), Impact.Major },
        { "a field moved up", Entry(ChangeType.Moved, ChangeArea.Element, "position"), Impact.Minor },
        { "a changed label", Entry(ChangeType.Changed, ChangeArea.Text, "label", "de"), Impact.Patch },
        { "a new English hint", Entry(ChangeType.Added, ChangeArea.Text, "hint", "en"), Impact.Patch },
        { "changed service page texts", Entry(ChangeType.Changed, ChangeArea.Property, "serviceInfo"), Impact.Patch },
    };

    [Theory]
    [MemberData(nameof(Rules))]
    public void Each_kind_of_change_has_its_impact(string change, DiffEntry entry, Impact impact)
    {
        ChangeImpact.Of(entry).ShouldBe(impact, change);
    }

    [Fact]
    public void The_highest_impact_decides_the_proposed_version_and_names_its_reasons()
    {
        var label = Entry(ChangeType.Changed, ChangeArea.Text, "label", "de");
        var removed = Entry(ChangeType.Removed, ChangeArea.Element);

        VersionProposal.For("1.4.2", [label]).Version.ShouldBe("1.4.3");
        VersionProposal.For("1.4.2", [label, Entry(ChangeType.Added, ChangeArea.Element)]).Version.ShouldBe("1.5.0");
        var major = VersionProposal.For("1.4.2", [label, removed]);
        major.Version.ShouldBe("2.0.0");
        major.Reasons.ShouldBe([removed]);
    }

    [Fact]
    public void A_draft_without_changes_gets_no_proposal_and_keeps_the_published_version()
    {
        var proposal = VersionProposal.For("1.4.2", []);

        proposal.Unchanged.ShouldBeTrue();
        proposal.Version.ShouldBe("1.4.2");
        proposal.Reasons.ShouldBeEmpty();
        VersionProposal.For("1.4.2", [Entry(ChangeType.Changed, ChangeArea.Text, "label", "de")]).Unchanged.ShouldBeFalse();
    }
}
