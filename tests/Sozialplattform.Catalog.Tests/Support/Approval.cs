namespace Sozialplattform.Catalog.Tests.Support;

/// <summary>
/// Approval files for generated artefacts: the expected output lives in <c>Approved/&lt;name&gt;</c>. On a
/// difference the actual output is written beside it as <c>&lt;name&gt;.received</c> and the test fails;
/// review it and move it over the approved file to accept the change.
/// </summary>
public static class Approval
{
    public static void ShouldMatchApproved(this string actual, string name)
    {
        var approved = Path.Combine(Repository.TestSource, "Approved", name);
        var received = approved + ".received";
        var expected = File.Exists(approved) ? File.ReadAllText(approved).ReplaceLineEndings("\n") : null;
        if (expected == actual.ReplaceLineEndings("\n"))
        {
            if (File.Exists(received)) File.Delete(received);
            return;
        }
        File.WriteAllText(received, actual);
        throw new Xunit.Sdk.XunitException(expected is null
            ? $"No approved file {approved}; the output was written to {received}. Review it and rename it to approve."
            : $"Output differs from {approved}; the new output was written to {received}. Review the difference and move it over the approved file if it is right.");
    }
}
