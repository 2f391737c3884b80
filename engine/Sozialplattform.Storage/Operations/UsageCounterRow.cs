namespace Sozialplattform.Storage.Operations;

/// <summary>
/// One aggregate counter of how a form version is used (table <c>usage_counters</c>): per day, form version, page, kind and
/// detail a number — never a draft, an address, an answer or anything else about one person.
/// </summary>
public sealed class UsageCounterRow
{
    /// <summary><c>yyyy-MM-dd</c> (UTC).</summary>
    public required string Day { get; set; }
    public required string FormId { get; set; }
    public required string FormVersion { get; set; }

    /// <summary>The page id; empty for the form as a whole (started, submitted).</summary>
    public string PageId { get; set; } = "";

    /// <summary>See <see cref="UsageKinds"/>.</summary>
    public required string Kind { get; set; }

    /// <summary>For errors <c>field path|code</c>, for times the bucket's index; empty otherwise.</summary>
    public string Detail { get; set; } = "";

    public long Count { get; set; }
}

/// <summary>What a counter counts.</summary>
public static class UsageKinds
{
    /// <summary>An application was started (a draft created).</summary>
    public const string Started = "started";

    /// <summary>An application arrived at a page for the first time.</summary>
    public const string Reached = "reached";

    /// <summary>An application left a page forward without errors for the first time.</summary>
    public const string Passed = "passed";

    /// <summary>A post of the page showed a field's error (detail: field path and error code).</summary>
    public const string Error = "error";

    /// <summary>The time on a page until it was first passed, in a bucket (detail: the bucket's index).</summary>
    public const string Time = "time";

    /// <summary>An application was submitted.</summary>
    public const string Submitted = "submitted";
}
