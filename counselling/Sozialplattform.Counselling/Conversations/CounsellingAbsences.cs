using Microsoft.EntityFrameworkCore;
using Sozialplattform.Counselling.Storage;

namespace Sozialplattform.Counselling.Conversations;

/// <summary>An absence as the seeker reads it: the days and the deputy's name for seekers (null: none given).</summary>
public sealed record AbsenceNote(DateOnly From, DateOnly To, string? DeputyName);

/// <summary>What the seeker's thread says above the messages: the centre's reply time and, on its days, the counsellor's absence.</summary>
public sealed record ThreadNotice(int? ReplyDays, AbsenceNote? Absence);

/// <summary>
/// Absences with dates and a deputy, the names counsellors show seekers, and the centre's reply time. Days are calendar
/// days of Europe/Berlin. Every change is audited (<c>counselling.absence.set|cleared</c>,
/// <c>counselling.replytime.set</c>), never with a seeker's data.
/// </summary>
public sealed class CounsellingAbsences(CounsellingDatabase database, TimeProvider? clock = null)
{
    public const int MaxDays = 366;
    public const int DisplayNameMax = 40;
    public const int ReplyDaysMax = 30;
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    private DateTime Now => (clock ?? TimeProvider.System).GetUtcNow().UtcDateTime;

    public DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(Now, Berlin));

    /// <summary>The counsellor's absence in the centre, if one is set (current or coming).</summary>
    public async Task<AbsenceRow?> OfAsync(Guid accountId, Guid centreId, CancellationToken cancellationToken = default)
    {
        await using var context = database.CreateContext();
        return await context.Absences.AsNoTracking().FirstOrDefaultAsync(a => a.AccountId == accountId && a.CentreId == centreId, cancellationToken);
    }

    /// <summary>
    /// Sets the counsellor's absence: <paramref name="to"/> not before <paramref name="from"/> nor before today, at most
    /// <see cref="MaxDays"/> days, the deputy another member of the same centre with a role. Else the problems, nothing stored.
    /// </summary>
    public async Task<IReadOnlyList<CounsellingError>> SetAsync(Counsellor counsellor, Guid centreId, DateOnly? from, DateOnly? to, Guid? deputyId, CancellationToken cancellationToken = default)
    {
        if (!counsellor.IsMember(centreId)) return [new("centre", "centreUnknown")];
        var errors = new List<CounsellingError>();
        if (from is null) errors.Add(new("from", "dateMissing"));
        if (to is null) errors.Add(new("to", "dateMissing"));
        if (from is { } f && to is { } t)
        {
            if (t < f) errors.Add(new("to", "toBeforeFrom"));
            else if (t < Today) errors.Add(new("to", "toInPast"));
            else if (t.DayNumber - f.DayNumber + 1 > MaxDays) errors.Add(new("to", "absenceTooLong", MaxDays));
        }

        var members = await MembersAsync(centreId, cancellationToken);
        if (deputyId is not { } deputy || deputy == counsellor.AccountId || !members.ContainsKey(deputy)) errors.Add(new("deputy", "deputyUnknown"));
        if (errors.Count > 0) return errors;

        await using var context = database.CreateContext();
        var row = await context.Absences.FirstOrDefaultAsync(a => a.AccountId == counsellor.AccountId && a.CentreId == centreId, cancellationToken);
        if (row is null) context.Absences.Add(row = new AbsenceRow { AccountId = counsellor.AccountId, CentreId = centreId });
        (row.From, row.To, row.DeputyId) = (from!.Value, to!.Value, deputyId!.Value);
        using (await database.Platform.EnterWriteAsync(cancellationToken)) await context.SaveChangesAsync(cancellationToken);
        await AuditAsync(counsellor, "absence.set", $"centre {centreId}; {row.From:yyyy-MM-dd} to {row.To:yyyy-MM-dd}; deputy {row.DeputyId}", cancellationToken);
        return [];
    }

    public async Task ClearAsync(Counsellor counsellor, Guid centreId, CancellationToken cancellationToken = default)
    {
        await using var context = database.CreateContext();
        int removed;
        using (await database.Platform.EnterWriteAsync(cancellationToken))
            removed = await context.Absences.Where(a => a.AccountId == counsellor.AccountId && a.CentreId == centreId).ExecuteDeleteAsync(cancellationToken);
        if (removed > 0) await AuditAsync(counsellor, "absence.cleared", $"centre {centreId}", cancellationToken);
    }

    /// <summary>The accounts whose conversations <paramref name="deputyId"/> reads today, deputising for them.</summary>
    public async Task<IReadOnlySet<Guid>> DeputisingForAsync(Guid deputyId, Guid centreId, CancellationToken cancellationToken = default)
    {
        var today = Today;
        await using var context = database.CreateContext();
        return (await context.Absences.AsNoTracking().Where(a => a.CentreId == centreId && a.DeputyId == deputyId && a.From <= today && a.To >= today)
            .Select(a => a.AccountId).ToListAsync(cancellationToken)).ToHashSet();
    }

    /// <summary>The counsellors and leads of the centre (not its data-protection role), and their names for seekers.</summary>
    public async Task<IReadOnlyDictionary<Guid, string?>> MembersAsync(Guid centreId, CancellationToken cancellationToken = default)
    {
        await using var context = database.CreateContext();
        return await context.Team.AsNoTracking().Where(t => t.CentreId == centreId && t.Role != TeamRole.DataProtection)
            .ToDictionaryAsync(t => t.AccountId, t => t.DisplayName, cancellationToken);
    }

    /// <summary>The member's name for seekers (trimmed; empty removes it): at most <see cref="DisplayNameMax"/> characters, no control characters.</summary>
    public async Task<CounsellingError?> SetDisplayNameAsync(Counsellor counsellor, Guid centreId, string? name, CancellationToken cancellationToken = default)
    {
        var text = (name ?? "").Trim();
        if (text.Length > DisplayNameMax) return new("displayName", "displayNameTooLong", DisplayNameMax);
        if (text.Any(char.IsControl)) return new("displayName", "displayNameMalformed");
        await using var context = database.CreateContext();
        using (await database.Platform.EnterWriteAsync(cancellationToken))
            await context.Team.Where(t => t.AccountId == counsellor.AccountId && t.CentreId == centreId)
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.DisplayName, text.Length == 0 ? null : text), cancellationToken);
        return null;
    }

    /// <summary>The reply time a lead of the centre sets (1 to <see cref="ReplyDaysMax"/> working days).</summary>
    public async Task<CounsellingError?> SetReplyDaysAsync(Counsellor lead, Guid centreId, int? days, CancellationToken cancellationToken = default)
    {
        if (!lead.IsLead(centreId)) return new("replyDays", "notLead");
        if (days is not (>= 1 and <= ReplyDaysMax)) return new("replyDays", "replyDaysRange", 1, ReplyDaysMax);
        await using var context = database.CreateContext();
        var row = await context.CentreSettings.FirstOrDefaultAsync(c => c.CentreId == centreId, cancellationToken);
        if (row is null) context.CentreSettings.Add(row = new CentreSettingsRow { CentreId = centreId });
        row.ReplyDays = days.Value;
        using (await database.Platform.EnterWriteAsync(cancellationToken)) await context.SaveChangesAsync(cancellationToken);
        await AuditAsync(lead, "replytime.set", $"centre {centreId}; {days} working days", cancellationToken);
        return null;
    }

    public async Task<int?> ReplyDaysAsync(Guid centreId, CancellationToken cancellationToken = default)
    {
        await using var context = database.CreateContext();
        return (await context.CentreSettings.AsNoTracking().FirstOrDefaultAsync(c => c.CentreId == centreId, cancellationToken))?.ReplyDays;
    }

    /// <summary>What the seeker reads above the thread: the reply time, and the absence of the counsellor who took it on its days.</summary>
    public async Task<ThreadNotice> NoticeAsync(ConversationView conversation, CancellationToken cancellationToken = default)
    {
        var replyDays = await ReplyDaysAsync(conversation.CentreId, cancellationToken);
        if (conversation.State != ConversationState.Open || conversation.CounsellorId is not { } counsellorId
            || await OfAsync(counsellorId, conversation.CentreId, cancellationToken) is not { } absence || absence.From > Today || absence.To < Today)
            return new(replyDays, null);
        var names = await MembersAsync(conversation.CentreId, cancellationToken);
        return new(replyDays, new AbsenceNote(absence.From, absence.To, names.GetValueOrDefault(absence.DeputyId)));
    }

    private Task AuditAsync(Counsellor counsellor, string action, string details, CancellationToken cancellationToken) =>
        CounsellingAudit.EntryAsync(database, CounsellingAudit.Staff(counsellor.Login), action, details, Now, cancellationToken);
}
