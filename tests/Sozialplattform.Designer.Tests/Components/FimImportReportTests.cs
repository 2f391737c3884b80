using Bunit;
using Sozialplattform.Designer.Components.Fim;
using Sozialplattform.Designer.Fim;

namespace Sozialplattform.Designer.Tests.Components;

public sealed class FimImportReportTests : BunitContext
{
    [Fact]
    public void A_refused_upload_is_an_alert_listing_each_error_with_line_and_element_before_the_warnings()
    {
        var outcome = new FimImportOutcome(null,
        [
            new FimImportMessage(true, "G17 1.0", 27, "group-too-deep: group G17 1.0 is nested 17 groups deep; the limit is 16"),
            new FimImportMessage(false, "F1 1.0", 12, "datentyp-unknown: datentyp 'colour' is unknown; imported as a text field"),
        ]);

        var report = Render<FimImportReport>(p => p.Add(r => r.Outcome, outcome).Add(r => r.FileName, "tief.xml"));

        var alert = report.Find("[role=alert]");
        alert.QuerySelector("p")!.TextContent.ShouldBe("„tief.xml“ wurde nicht importiert. 1 Fehler, 1 Hinweise:");
        alert.QuerySelectorAll("li").Select(li => li.TextContent).ShouldBe([
            "Fehler in Zeile 27 bei G17 1.0: group-too-deep: group G17 1.0 is nested 17 groups deep; the limit is 16",
            "Hinweis in Zeile 12 bei F1 1.0: datentyp-unknown: datentyp 'colour' is unknown; imported as a text field",
        ]);
    }

    [Fact]
    public void Nothing_is_shown_before_an_upload()
    {
        Render<FimImportReport>().Markup.Trim().ShouldBeEmpty();
    }
}
