namespace Sozialplattform.Web.Tests.Infrastructure;

/// <summary>
/// Approval files of this test project (as in the engine's tests): the approved text is committed beside the tests; a
/// difference fails the test and writes <c>*.received.*</c> next to it. Run with <c>APPROVE=1</c> to accept.
/// </summary>
public static class Approvals
{
    public static void Verify(string received, string relativePath)
    {
        var approved = Path.Combine(RepositoryPaths.Root, "tests", "Sozialplattform.Web.Tests", relativePath);
        var receivedPath = Path.ChangeExtension(approved, ".received" + Path.GetExtension(approved));
        received = received.ReplaceLineEndings("\n").TrimEnd() + "\n";
        if (Environment.GetEnvironmentVariable("APPROVE") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(approved)!);
            File.WriteAllText(approved, received);
        }

        if (File.Exists(approved) && File.ReadAllText(approved).ReplaceLineEndings("\n") == received)
        {
            File.Delete(receivedPath);
            return;
        }

        File.WriteAllText(receivedPath, received);
        throw new Xunit.Sdk.XunitException($"{relativePath} differs from the approved file; see {receivedPath} (run with APPROVE=1 to accept)");
    }
}
