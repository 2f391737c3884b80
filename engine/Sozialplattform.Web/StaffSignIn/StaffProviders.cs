namespace Sozialplattform.Web.StaffSignIn;

/// <summary>The tenant's staff single sign-on providers as read at start (<see cref="StaffProviderReader"/>).</summary>
public sealed record StaffProviders(IReadOnlyList<StaffProviderSettings> All)
{
    /// <summary>The providers an area offers (those that map some value to one of its roles), each as that area's instance.</summary>
    public IEnumerable<StaffProviderSettings> For(StaffArea area) => All.Where(p => p.Serves(area)).Select(p => p.For(area));

    public StaffProviderSettings? Find(StaffArea area, string id) => For(area).FirstOrDefault(p => p.Id == id);
}
