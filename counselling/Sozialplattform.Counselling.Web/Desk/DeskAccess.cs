using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Sozialplattform.Centres.Accounts;
using Sozialplattform.Centres.Storage;
using Sozialplattform.Centres.Web.Staff;
using Sozialplattform.Counselling.Conversations;
using Sozialplattform.Counselling.Storage;

namespace Sozialplattform.Counselling.Web.Desk;

/// <summary>
/// Who a centre account is in a centre's counselling: only for a centre it keeps (<see cref="CentreSelfService.OpenAsync"/>),
/// with its role there (a <see cref="CounsellingTeam"/> row, or the carrier's admin as lead). The one decision the desk's
/// pages and the live channel share.
/// </summary>
public static class DeskAccess
{
    /// <summary>The account as a counsellor of the centre, or null (a centre it does not keep, or no role there).</summary>
    public static async Task<Counsellor?> CounsellorAsync(HttpContext http, CentreAccountRow account, Guid centreId) =>
        await http.RequestServices.GetRequiredService<CentreSelfService>().OpenAsync(account, centreId, http.RequestAborted) is { } centre
            ? await RoleAsync(http, account, centre)
            : null;

    /// <summary>The account's role in a centre it keeps, as a <see cref="Counsellor"/>; null without one.</summary>
    public static async Task<Counsellor?> RoleAsync(HttpContext http, CentreAccountRow account, CentreRow centre)
    {
        var roles = await http.RequestServices.GetRequiredService<CounsellingTeam>().RolesAsync(account.Id, http.RequestAborted);
        TeamRole? role = account.CarrierKey is not null ? TeamRole.Lead : roles.TryGetValue(centre.Id, out var found) ? found : null;
        return role is { } granted ? new Counsellor(account.Id, account.Login, new Dictionary<Guid, TeamRole> { [centre.Id] = granted }) : null;
    }
}
