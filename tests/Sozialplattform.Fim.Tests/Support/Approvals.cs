namespace Sozialplattform.Fim.Tests.Support;

/// <summary>
/// Approval (golden) files: a generated set of files is compared with the reviewed copy under
/// tests/Sozialplattform.Fim.Tests/Approved/&lt;name&gt;/. Run with APPROVE=1 to rewrite that copy, then review the diff.
/// </summary>
public static class Approvals
{
    public static bool Approving => Environment.GetEnvironmentVariable("APPROVE") == "1";

    public static void VerifyDirectory(string name, string generatedRoot)
    {
        var approvedRoot = Path.Combine(TestPaths.ApprovedDirectory, name);
        if (Approving)
        {
            if (Directory.Exists(approvedRoot)) Directory.Delete(approvedRoot, recursive: true);
            foreach (var file in Files(generatedRoot))
            {
                var target = Path.Combine(approvedRoot, file);
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(Path.Combine(generatedRoot, file), target);
            }
        }

        Directory.Exists(approvedRoot).ShouldBeTrue($"no approved files for {name}: run the tests with APPROVE=1 and review {approvedRoot}");
        Files(generatedRoot).ShouldBe(Files(approvedRoot), $"the set of files differs from {approvedRoot}");
        foreach (var file in Files(generatedRoot))
            File.ReadAllText(Path.Combine(generatedRoot, file))
                .ShouldBe(File.ReadAllText(Path.Combine(approvedRoot, file)), $"{file} differs from the approved copy (APPROVE=1 rewrites it)");
    }

    public static void VerifyText(string name, string text)
    {
        var approved = Path.Combine(TestPaths.ApprovedDirectory, name);
        if (Approving)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(approved)!);
            File.WriteAllText(approved, text);
        }

        File.Exists(approved).ShouldBeTrue($"no approved file {approved}: run the tests with APPROVE=1 and review it");
        text.ShouldBe(File.ReadAllText(approved), $"{name} differs from the approved copy (APPROVE=1 rewrites it)");
    }

    private static List<string> Files(string root) =>
        Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .ToList();
}
