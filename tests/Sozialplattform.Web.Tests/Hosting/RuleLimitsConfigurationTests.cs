using Microsoft.Extensions.Configuration;
using Sozialplattform.Engine;
using Sozialplattform.Web.Hosting;

namespace Sozialplattform.Web.Tests.Hosting;

public sealed class RuleLimitsConfigurationTests
{
    [Fact]
    public void Without_the_section_the_host_uses_the_engines_defaults()
    {
        Read().ShouldBeSameAs(FormEngineOptions.Default);
    }

    [Fact]
    public void The_request_budget_and_the_hosts_bound_are_read_from_the_rules_section()
    {
        var limits = Read(("Sozialplattform:Rules:RequestBudget", "00:00:00.5"), ("Sozialplattform:Rules:MaxConcurrentEvaluations", "3"), ("Sozialplattform:Rules:SlotWait", "00:00:04")).RuleLimits;
        limits.RequestBudget.ShouldBe(TimeSpan.FromMilliseconds(500));
        limits.MaxConcurrentEvaluations.ShouldBe(3);
        limits.SlotWait.ShouldBe(TimeSpan.FromSeconds(4));
        limits.Timeout.ShouldBe(TimeSpan.FromMilliseconds(50));
    }

    [Theory]
    [InlineData("RequestBudget", "00:00:00")]
    [InlineData("MaxConcurrentEvaluations", "0")]
    [InlineData("SlotWait", "-00:00:01")]
    public void A_limit_that_cannot_work_is_refused_with_the_sections_name(string key, string value)
    {
        var error = Should.Throw<InvalidOperationException>(() => Read(($"Sozialplattform:Rules:{key}", value)));
        error.Message.ShouldStartWith("Sozialplattform:Rules:");
    }

    private static FormEngineOptions Read(params (string Key, string Value)[] settings) =>
        RuleLimitsConfiguration.Read(new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value))).Build());
}
