using Sozialplattform.Engine.Tests;

namespace Sozialplattform.Web.Tests.Infrastructure;

/// <summary>This project's approval files (<see cref="ApprovalFiles"/>, linked from the engine tests), relative to this test project.</summary>
public static class Approvals
{
    public static void Verify(string received, string relativePath) =>
        ApprovalFiles.Verify(received, Path.Combine(RepositoryPaths.Root, "tests", "Sozialplattform.Web.Tests", relativePath), relativePath);
}
