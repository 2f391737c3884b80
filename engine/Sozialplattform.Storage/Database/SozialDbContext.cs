using Microsoft.EntityFrameworkCore;
using Sozialplattform.Storage.ApiClients;
using Sozialplattform.Storage.Cases;
using Sozialplattform.Storage.Entities;

namespace Sozialplattform.Storage.Database;

/// <summary>
/// The model, shared by both providers. Each provider has its own subclass so that each keeps its own
/// migrations (SQLite and PostgreSQL differ in types and in what ALTER TABLE can do).
/// </summary>
public abstract class SozialDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<Submission> Submissions => Set<Submission>();
    public DbSet<Attachment> Attachments => Set<Attachment>();
    public DbSet<Draft> Drafts => Set<Draft>();
    public DbSet<OutboxEntry> Outbox => Set<OutboxEntry>();
    public DbSet<Authority> Authorities => Set<Authority>();
    public DbSet<RoutingAssignment> RoutingAssignments => Set<RoutingAssignment>();
    public DbSet<ServiceRole> ServiceRoles => Set<ServiceRole>();
    public DbSet<PostalCodeArea> PostalCodeAreas => Set<PostalCodeArea>();
    public DbSet<GeoDataset> GeoDatasets => Set<GeoDataset>();
    public DbSet<StatusEvent> StatusEvents => Set<StatusEvent>();
    public DbSet<InboxItem> InboxItems => Set<InboxItem>();
    public DbSet<CaseworkerAccount> CaseworkerAccounts => Set<CaseworkerAccount>();
    public DbSet<Note> Notes => Set<Note>();
    public DbSet<FollowUp> FollowUps => Set<FollowUp>();
    public DbSet<AuditLogEntry> AuditLog => Set<AuditLogEntry>();
    public DbSet<InboxSearchToken> InboxSearchTokens => Set<InboxSearchToken>();
    public DbSet<Notification> Notifications => Set<Notification>();
    public DbSet<LoginThrottleEntry> LoginThrottles => Set<LoginThrottleEntry>();
    public DbSet<SecondFactorEntry> SecondFactors => Set<SecondFactorEntry>();
    public DbSet<CaseMessage> CaseMessages => Set<CaseMessage>();
    public DbSet<CaseCheck> CaseChecks => Set<CaseCheck>();
    public DbSet<Dossier> Dossiers => Set<Dossier>();
    public DbSet<Team> Teams => Set<Team>();
    public DbSet<TeamMember> TeamMembers => Set<TeamMember>();
    public DbSet<IndexRootRow> IndexRoots => Set<IndexRootRow>();
    public DbSet<CaseHold> CaseHolds => Set<CaseHold>();
    public DbSet<CaseDeletion> CaseDeletions => Set<CaseDeletion>();

    public abstract StorageProvider Provider { get; }

    protected override void OnModelCreating(ModelBuilder model)
    {
        model.Entity<Submission>(e =>
        {
            e.ToTable("submissions");
            e.HasIndex(s => s.ReferenceNumber).IsUnique();
            e.HasIndex(s => s.IdempotencyKey).IsUnique();
            // The inbox list filtered by status counts its cases from this index alone (an index-only scan, not the wide rows).
            e.HasIndex(s => new { s.Status, s.Id });
            e.Property(s => s.Status).HasConversion<string>().HasMaxLength(32);
            e.Property(s => s.ReferenceNumber).HasMaxLength(32);
            e.Property(s => s.IdempotencyKey).HasMaxLength(200);
            e.Property(s => s.OwnerToken).HasMaxLength(32);
            e.HasIndex(s => new { s.TenantId, s.OwnerToken });
        });
        model.Entity<Attachment>(e =>
        {
            e.ToTable("attachments");
            e.HasIndex(a => a.SubmissionId);
            e.HasIndex(a => a.DraftId);
            e.Property(a => a.Purpose).HasConversion<string>().HasMaxLength(32);
            // One PDF per submission: hosts that render it after the accept at the same time store it once (FormPdfStore).
            e.HasIndex(a => a.SubmissionId, "IX_attachments_form_pdf").IsUnique().HasFilter("\"Purpose\" = 'Form'");
        });
        model.Entity<Draft>(e =>
        {
            e.ToTable("drafts");
            e.Property(d => d.OwnerToken).HasMaxLength(32);
            e.HasIndex(d => new { d.TenantId, d.OwnerToken });
        });
        model.Entity<OutboxEntry>(e =>
        {
            e.ToTable("outbox");
            e.Property(o => o.Status).HasConversion<string>().HasMaxLength(32);
            e.HasIndex(o => new { o.Status, o.NextAttemptAt });
            e.HasIndex(o => o.SubmissionId);
            e.HasIndex(o => o.MessageId);
        });
        model.Entity<Authority>(e =>
        {
            e.ToTable("authorities");
            e.HasKey(a => new { a.TenantId, a.Id });
        });
        model.Entity<RoutingAssignment>(e =>
        {
            e.ToTable("routing_assignments");
            e.HasIndex(r => r.TenantId);
        });
        model.Entity<ServiceRole>(e =>
        {
            e.ToTable("service_roles");
            e.HasKey(s => new { s.TenantId, s.Service });
        });
        model.Entity<PostalCodeArea>(e =>
        {
            e.ToTable("postal_code_areas");
            e.HasKey(p => new { p.PostalCode, p.Kreisschluessel });
        });
        model.Entity<GeoDataset>(e => e.ToTable("geo_datasets"));
        model.Entity<StatusEvent>(e =>
        {
            e.ToTable("status_events");
            e.HasIndex(s => s.SubmissionId);
            e.Property(s => s.Status).HasConversion<string>().HasMaxLength(32);
        });
        model.Entity<InboxItem>(e =>
        {
            e.ToTable("inbox_items");
            e.HasIndex(i => i.DeliveryId).IsUnique();
            e.HasIndex(i => new { i.TenantId, i.AuthorityId, i.ReceivedAt });
            e.HasIndex(i => new { i.TenantId, i.AuthorityId, i.AssigneeId });
            e.Property(i => i.Status).HasConversion<string>().HasMaxLength(32);
            e.HasIndex(i => new { i.TenantId, i.AuthorityId, i.Status });
            e.HasIndex(i => new { i.TenantId, i.AuthorityId, i.ChangedAt, i.Id });
            e.HasIndex(i => i.DossierId);
            e.HasIndex(i => new { i.TenantId, i.AuthorityId, i.TeamId });
            // The gate looks a case up by submission id within the authority: without it every look scans the authority's items.
            e.HasIndex(i => i.SubmissionId);
        });
        model.Entity<CaseworkerAccount>(e =>
        {
            e.ToTable("caseworker_accounts");
            e.HasIndex(c => c.Login).IsUnique();
            e.Property(c => c.SecurityStamp).HasMaxLength(64);
            e.Property(c => c.Role).HasConversion<string>().HasMaxLength(32);
        });
        model.Entity<Note>(e =>
        {
            e.ToTable("notes");
            e.HasIndex(n => n.SubmissionId);
        });
        model.Entity<FollowUp>(e =>
        {
            e.ToTable("follow_ups");
            e.HasIndex(f => new { f.AuthorityId, f.DueOn });
        });
        model.Entity<AuditLogEntry>(e =>
        {
            e.ToTable("audit_log");
            e.HasIndex(a => a.SubmissionId);
        });
        model.Entity<InboxSearchToken>(e =>
        {
            e.ToTable("inbox_search_tokens");
            e.HasIndex(t => new { t.Token, t.SubmissionId });
            e.Property(t => t.Token).HasMaxLength(64);
        });
        model.Entity<Notification>(e =>
        {
            e.ToTable("notifications");
            e.Property(n => n.Status).HasConversion<string>().HasMaxLength(32);
            e.HasIndex(n => new { n.Status, n.NextAttemptAt });
            e.HasIndex(n => n.SubmissionId);
            e.Property(n => n.Purpose).HasMaxLength(80);
            e.Property(n => n.DeduplicationKey).HasMaxLength(200);
            e.HasIndex(n => n.DeduplicationKey).IsUnique();
        });
        model.Entity<LoginThrottleEntry>(e =>
        {
            e.ToTable("login_throttles");
            e.HasKey(t => t.Key);
            e.Property(t => t.Key).HasMaxLength(80);
            e.Property(t => t.LoginKey).HasMaxLength(64);
            e.HasIndex(t => t.LoginKey);
        });
        model.Entity<SecondFactorEntry>(e =>
        {
            e.ToTable("second_factors");
            e.Property(f => f.Area).HasMaxLength(40);
            e.Property(f => f.Login).HasMaxLength(100);
            e.Property(f => f.RecoveryCodeHashes).HasMaxLength(1000);
            e.HasIndex(f => new { f.Area, f.Login }).IsUnique();
        });
        model.Entity<CaseMessage>(e =>
        {
            e.ToTable("case_messages");
            e.HasIndex(m => m.SubmissionId);
            e.HasIndex(m => m.ReceiptNumber).IsUnique();
            e.Property(m => m.Kind).HasConversion<string>().HasMaxLength(32);
            e.Property(m => m.ReceiptNumber).HasMaxLength(40);
            e.Property(m => m.Actor).HasMaxLength(100);
        });
        model.Entity<CaseCheck>(e =>
        {
            e.ToTable("case_checks");
            e.HasKey(c => new { c.SubmissionId, c.ItemId });
            e.Property(c => c.ItemId).HasMaxLength(80);
            e.Property(c => c.TenantId).HasMaxLength(100);
            e.Property(c => c.AuthorityId).HasMaxLength(100);
            e.Property(c => c.CheckedBy).HasMaxLength(200);
        });
        model.Entity<Dossier>(e =>
        {
            e.ToTable("dossiers");
            e.HasIndex(d => new { d.TenantId, d.AuthorityId, d.FileNumber }).IsUnique();
            e.HasIndex(d => new { d.TenantId, d.AuthorityId, d.Year, d.Sequence });
            e.Property(d => d.TenantId).HasMaxLength(100);
            e.Property(d => d.AuthorityId).HasMaxLength(100);
            e.Property(d => d.FileNumber).HasMaxLength(FileNumbers.MaxLength);
            e.Property(d => d.CreatedBy).HasMaxLength(100);
        });
        model.Entity<Team>(e =>
        {
            e.ToTable("teams");
            e.HasIndex(t => new { t.TenantId, t.AuthorityId, t.Name }).IsUnique();
            e.Property(t => t.TenantId).HasMaxLength(100);
            e.Property(t => t.AuthorityId).HasMaxLength(100);
            e.Property(t => t.Name).HasMaxLength(Cases.Teams.NameMaxLength);
        });
        model.Entity<TeamMember>(e =>
        {
            e.ToTable("team_members");
            e.HasKey(m => new { m.TeamId, m.AccountId });
            e.HasIndex(m => m.AccountId);
        });
        model.Entity<IndexRootRow>(e =>
        {
            e.ToTable("index_roots");
            e.HasKey(r => r.Name);
            e.Property(r => r.Name).HasMaxLength(64);
        });
        model.Entity<CaseHold>(e =>
        {
            e.ToTable("case_holds");
            e.HasIndex(h => new { h.SubmissionId, h.LiftedAt });
        });
        model.Entity<CaseDeletion>(e =>
        {
            e.ToTable("case_deletions");
            e.HasIndex(d => d.SubmissionId).IsUnique();
            e.HasIndex(d => new { d.TenantId, d.DeletedAt });
            e.HasIndex(d => new { d.TenantId, d.AuthorityId, d.DeletedAt });
        });
        ApiClientTables.Map(model);
    }
}
