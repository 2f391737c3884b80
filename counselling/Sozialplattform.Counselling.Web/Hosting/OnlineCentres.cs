using Sozialplattform.Centres.Records;
using Sozialplattform.Centres.Search;
using Sozialplattform.Centres.Web.Hosting;

namespace Sozialplattform.Counselling.Web.Hosting;

/// <summary>
/// Which centres take enquiries of the online counselling: those whose record names the way <c>chat</c> (written
/// counselling online; the record's <c>ways</c>, kept by the centre in its self-service). Only they get the
/// "Online-Beratung" link on their page and in the finder, and only they are accepted by the enquiry page.
/// </summary>
public static class OnlineCentres
{
    public static bool Offers(CentreRecord record) => record.Ways.Contains(CounsellingWay.Chat);

    /// <summary>The link on a centre's page and finder entry: to the enquiry with the centre chosen (a seeker without a session goes by login or registration).</summary>
    public static PublicCentreLink Link(CounsellingTexts texts) =>
        new((lang, centre) => Offers(centre.Record) ? (CounsellingRoutes.Enquiry(lang, centre.Id), texts.Get(lang, "centre.link")) : null);

    public static async Task<PublishedCentre?> FindAsync(CentreFinder finder, Guid centreId, CancellationToken cancellationToken) =>
        await finder.FindAsync(centreId, cancellationToken) is { } centre && Offers(centre.Record) ? centre : null;
}
