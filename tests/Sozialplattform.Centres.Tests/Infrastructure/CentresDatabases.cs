using Microsoft.EntityFrameworkCore;
using Sozialplattform.Centres.Storage;
using Sozialplattform.Delivery.Tests.Infrastructure;

namespace Sozialplattform.Centres.Tests.Infrastructure;

/// <summary>The centres' tables on a fresh platform database of the target (emptied when the server database is reused).</summary>
public static class CentresDatabases
{
    public static async Task<CentresDatabase> FreshAsync(DatabaseTarget target)
    {
        var centres = await CentresDatabase.OpenAsync(await target.FreshAsync());
        await using var context = centres.CreateContext();
        await context.Changes.ExecuteDeleteAsync();
        await context.Accounts.ExecuteDeleteAsync();
        await context.Centres.ExecuteDeleteAsync();
        return centres;
    }
}
