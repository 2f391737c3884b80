namespace Sozialplattform.Engine.Tests;

/// <summary>
/// Approval files: the approved text is committed next to the tests; a difference fails the test and writes the
/// received text beside it (<c>*.received.*</c>). Run with <c>APPROVE=1</c> to accept the received text. Shared by
/// the test projects that link this file.
/// </summary>
public static class ApprovalFiles
{
    public static void Verify(string received, string approved, string shownAs)
    {
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
        throw new Xunit.Sdk.XunitException($"{shownAs} differs from the approved file; see {receivedPath} (run with APPROVE=1 to accept)");
    }
}
