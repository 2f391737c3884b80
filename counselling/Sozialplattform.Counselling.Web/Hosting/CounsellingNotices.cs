using Sozialplattform.Centres.Search;
using Sozialplattform.Centres.Web.Staff;
using Sozialplattform.Counselling.Conversations;
using Sozialplattform.Counselling.Seekers;
using Sozialplattform.Counselling.Storage;
using Sozialplattform.Storage.Notifications;

namespace Sozialplattform.Counselling.Web.Hosting;

/// <summary>
/// The content-free e-mail notices of both sides through the platform's one <see cref="MailQueue"/>: "Sie haben eine
/// neue Nachricht auf der Sozialplattform." and a link to the login — no content, no topic, no centre name, no
/// pseudonym. The seeker is told only if they gave an address; the centre at its members' notice addresses, else at its
/// own published address.
/// </summary>
public sealed class CounsellingNotices(MailQueue mails, SeekerAccounts seekers, CounsellingTeam team, CentreFinder centres, CounsellingTexts texts, CounsellingOptions options)
{
    public const string Purpose = "counselling.notice";

    /// <summary>A new enquiry (<paramref name="counsellorId"/> null: every member) or a seeker's reply (the counsellor who took it).</summary>
    public async Task ToCentreAsync(Guid centreId, Guid? counsellorId, string baseUrl, CancellationToken cancellationToken)
    {
        var addresses = await team.NoticeAddressesAsync(centreId, counsellorId, cancellationToken);
        if (addresses.Count == 0 && (await centres.FindAsync(centreId, cancellationToken))?.Record.Email is { Length: > 0 } centreEmail) addresses = [centreEmail];
        var link = baseUrl + StaffRoutes.Login("de");
        foreach (var address in addresses.Distinct(StringComparer.OrdinalIgnoreCase))
            await mails.EnqueueAsync(options.Tenant, Purpose, Compose(address, "de", link), cancellationToken: cancellationToken);
    }

    /// <summary>A counsellor's reply: the seeker is told, if they gave an address.</summary>
    public async Task ToSeekerAsync(ConversationView conversation, string baseUrl, CancellationToken cancellationToken)
    {
        if (await seekers.FindAsync(conversation.SeekerId, cancellationToken) is not { } seeker || seekers.Email(seeker) is not { } address) return;
        await mails.EnqueueAsync(options.Tenant, Purpose, Compose(address, seeker.Language, baseUrl + CounsellingRoutes.Login(seeker.Language)), cancellationToken: cancellationToken);
    }

    /// <summary>Retention will delete a conversation of the seeker soon: told the date, if they gave an address — nothing else.</summary>
    public async Task RetentionWarningAsync(RetentionWarning warning, CancellationToken cancellationToken)
    {
        if (await seekers.FindAsync(warning.SeekerId, cancellationToken) is not { } seeker || seekers.Email(seeker) is not { } address) return;
        var link = options.PortalUrl.TrimEnd('/') + CounsellingRoutes.Login(seeker.Language);
        var day = DateOnly.FromDateTime(warning.DeleteOn).ToString("dd.MM.yyyy", System.Globalization.CultureInfo.InvariantCulture);
        await mails.EnqueueAsync(options.Tenant, Purpose, new QueuedMail(address, texts.Get(seeker.Language, "notice.retentionSubject"),
            texts.Get(seeker.Language, "notice.retentionBody", day, link), seeker.Language), cancellationToken: cancellationToken);
    }

    private QueuedMail Compose(string to, string language, string link) =>
        new(to, texts.Get(language, "notice.subject"), texts.Get(language, "notice.body", link), language);
}
