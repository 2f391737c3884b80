namespace Sozialplattform.Storage.Entities;

/// <summary>Where an application stands, as the applicant sees it on the status page.</summary>
public enum SubmissionStatus
{
    Received,
    InReview,
    DocumentsRequested,
    Decided,
    Closed,
}
