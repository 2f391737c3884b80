namespace Sozialplattform.Engine.Tests;

/// <summary>The engine tests' approval files (<see cref="ApprovalFiles"/>), relative to this test project.</summary>
public static class Approvals
{
    public static void Verify(string received, string relativePath) =>
        ApprovalFiles.Verify(received, Path.Combine(TestSupport.RepositoryRoot, "tests", "Sozialplattform.Engine.Tests", relativePath), relativePath);
}
