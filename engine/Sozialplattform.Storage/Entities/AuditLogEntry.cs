namespace Sozialplattform.Storage.Entities;

/// <summary>Who viewed or changed which submission, when. Written in the same transaction as the change it records.</summary>
public sealed class AuditLogEntry
{
    public long Id { get; set; }
    public DateTime At { get; set; }
    public required string Actor { get; set; }
    public required string Action { get; set; }
    public Guid? SubmissionId { get; set; }
    public string? Details { get; set; }
}
