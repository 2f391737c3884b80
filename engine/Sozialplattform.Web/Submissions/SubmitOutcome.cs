using Sozialplattform.Storage.Submissions;

namespace Sozialplattform.Web.Submissions;

/// <summary>How a submit ended: accepted (or accepted before), or why not.</summary>
public sealed record SubmitOutcome(SubmitResult Result, AcceptResult? Accepted = null)
{
    public static SubmitOutcome Because(SubmitResult result) => new(result);
}

public enum SubmitResult
{
    Accepted,

    /// <summary>The server's verdict has errors; the summary shows them.</summary>
    Invalid,

    /// <summary>No place was chosen yet.</summary>
    NoPlace,

    /// <summary>The routing table has no authority for this service at this place.</summary>
    NoAuthority,

    /// <summary>A contact request's chosen destination (a counselling centre) is unknown, no longer public or has no address.</summary>
    DestinationRefused,

    /// <summary>The form is a questionnaire: answered for orientation, never submitted.</summary>
    NotSubmittable,
}
