using Microsoft.Extensions.Configuration;
using Sozialplattform.Web.Hosting;

namespace Sozialplattform.Web.Tests.Hosting;

public sealed class PortalConfigurationTests
{
    [Fact]
    public void Drafts_are_kept_thirty_days_after_their_last_change_unless_configured_otherwise()
    {
        Read().Portal.DraftRetentionDays.ShouldBe(30);
        Read(("Sozialplattform:Portal:DraftRetentionDays", "7")).Portal.DraftRetentionDays.ShouldBe(7);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-3")]
    public void A_draft_retention_below_one_day_is_refused_with_the_settings_name(string days)
    {
        var error = Should.Throw<InvalidOperationException>(() => Read(("Sozialplattform:Portal:DraftRetentionDays", days)));
        error.Message.ShouldBe($"Sozialplattform:Portal:DraftRetentionDays must be at least 1 (days); it is {days}.");
    }

    [Fact]
    public void A_draft_retention_that_is_not_a_number_is_refused_with_the_settings_path()
    {
        var error = Should.Throw<InvalidOperationException>(() => Read(("Sozialplattform:Portal:DraftRetentionDays", "dreißig")));
        error.Message.ShouldContain("Sozialplattform:Portal:DraftRetentionDays");
    }

    private static (PortalOptions Portal, Sozialplattform.Delivery.DeliveryOptions Delivery) Read(params (string Key, string Value)[] settings) =>
        PortalConfiguration.Read(
            new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value))).Build(),
            Path.GetTempPath());
}
