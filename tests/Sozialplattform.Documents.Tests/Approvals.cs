using System.Runtime.CompilerServices;

namespace Sozialplattform.Documents.Tests;

/// <summary>
/// Approval (golden) files under Approved/. A mismatch fails the test and writes the received text beside
/// the approved file; APPROVE=1 rewrites the approved files instead.
/// </summary>
internal static class Approvals
{
    public static void Verify(string name, string received, [CallerFilePath] string callerFile = "")
    {
        var directory = Path.Combine(ProjectDirectory(callerFile), "Approved");
        Directory.CreateDirectory(directory);
        var approvedPath = Path.Combine(directory, $"{name}.approved.txt");
        var receivedPath = Path.Combine(directory, $"{name}.received.txt");
        received = received.ReplaceLineEndings("\n").TrimEnd() + "\n";

        if (Environment.GetEnvironmentVariable("APPROVE") == "1")
        {
            File.WriteAllText(approvedPath, received);
            File.Delete(receivedPath);
            return;
        }

        var approved = File.Exists(approvedPath) ? File.ReadAllText(approvedPath).ReplaceLineEndings("\n") : null;
        if (approved == received)
        {
            File.Delete(receivedPath);
            return;
        }

        File.WriteAllText(receivedPath, received);
        approved.ShouldBe(received, $"{name}: approved file differs (see {receivedPath}; run with APPROVE=1 to accept)");
    }

    private static string ProjectDirectory(string callerFile)
    {
        var directory = Path.GetDirectoryName(callerFile)!;
        while (!File.Exists(Path.Combine(directory, "Sozialplattform.Documents.Tests.csproj")))
            directory = Path.GetDirectoryName(directory) ?? throw new InvalidOperationException("test project directory not found");
        return directory;
    }
}
