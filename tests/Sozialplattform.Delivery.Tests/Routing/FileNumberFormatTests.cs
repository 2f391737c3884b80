using Sozialplattform.Delivery.Channels;
using Sozialplattform.Delivery.Tenants;
using Sozialplattform.Delivery.Tests.Infrastructure;
using Sozialplattform.Storage.Cases;

namespace Sozialplattform.Delivery.Tests.Routing;

/// <summary>An authority's <c>fileNumberFormat</c> in <c>authorities.json</c>: read and applied, or reported with its place when it cannot give file numbers.</summary>
public sealed class FileNumberFormatTests
{
    private static readonly ChannelRegistry Channels = TestChannels.All();

    private static TenantFolder WithFormat(string format) => new(authorities: TenantFolder.AuthoritiesJson.Replace(
        "\"address\": [\"Jobcenter A\", \"A-Stadt\"],", $"\"address\": [\"Jobcenter A\", \"A-Stadt\"], \"fileNumberFormat\": {format},"));

    [Fact]
    public void A_format_is_read_and_gives_padded_upper_case_file_numbers()
    {
        using var folder = WithFormat("\"50.2-{year}-{number:5}\"");

        var (tenants, problems) = TenantLoader.ReadAll(folder.TenantsRoot, Channels);

        problems.ShouldBeEmpty();
        var format = tenants.Single().Authorities.Single(a => a.Id == "jobcenter-a").FileNumberFormat;
        FileNumbers.Format(format, 2026, 7).ShouldBe("50.2-2026-00007");
        FileNumbers.Format(null, 2026, 123_456).ShouldBe("2026-123456", "the default pads to five digits and grows beyond");
        FileNumbers.Format("az/{number}", 2026, 3).ShouldBe("AZ/3");
        tenants.Single().Authorities.Single(a => a.Id == "sozialamt-a").FileNumberFormat.ShouldBeNull("the format is optional");
    }

    [Theory]
    [InlineData("\"{year}\"", "must contain {number} or {number:N} exactly once")]
    [InlineData("\"{number}-{number}\"", "must contain {number} or {number:N} exactly once")]
    [InlineData("\"<b>{number}</b>\"", "gives file numbers that are not 1–60 letters, digits, spaces, '.', '-' or '/'")]
    [InlineData("42", "must be text")]
    public void A_format_that_cannot_give_file_numbers_is_reported_with_file_and_authority(string format, string problem)
    {
        using var folder = WithFormat(format);

        var problems = TenantLoader.ReadAll(folder.TenantsRoot, Channels).Problems.Select(p => p.ToString()).ToList();

        problems.ShouldHaveSingleItem().ShouldBe($"tenants/probe/authorities.json: authorities[0] 'jobcenter-a': 'fileNumberFormat' {problem}");
    }
}
