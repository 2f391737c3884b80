using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace Sozialplattform.Centres.Web.Staff;

/// <summary>The self-service under <see cref="StaffRoutes.Root"/>: login and second factor, then the pages of each role.</summary>
public static class StaffEndpoints
{
    public static void MapCentreSelfService(this IEndpointRouteBuilder app)
    {
        var area = app.MapGroup(StaffRoutes.Root + "/{lang}").StaffArea();
        area.MapStaffLogin();
        var signedIn = area.MapGroup("").RequireRole();
        signedIn.MapStaffCentres();
        signedIn.MapStaffAccounts();
    }
}
