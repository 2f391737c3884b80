namespace Sozialplattform.Storage.Entities;

/// <summary>
/// A blind index entry: the keyed hash of one normalised name word of a submission in the built-in inbox.
/// Lets caseworkers find a submission by name although the answers are stored only encrypted.
/// </summary>
public sealed class InboxSearchToken
{
    public long Id { get; set; }
    public Guid SubmissionId { get; set; }
    public required string Token { get; set; }
}
