using PublicApiGenerator;

namespace Sozialplattform.Engine.Tests;

/// <summary>The engine's public API is approved, so that every change to it shows up in review.</summary>
public class PublicApiTests
{
    [Fact]
    public void The_public_api_of_the_engine_matches_the_approved_file() =>
        Approvals.Verify(typeof(FormEngine).Assembly.GeneratePublicApi(new ApiGeneratorOptions { ExcludeAttributes = ["System.Runtime.Versioning.TargetFrameworkAttribute"] }), "Approved/Sozialplattform.Engine.api.txt");
}
