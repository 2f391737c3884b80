using System.Security.Claims;
using Sozialplattform.Storage.Entities;

namespace Sozialplattform.Web.StaffSignIn;

/// <summary>What a staff login's ID token comes to in one area: the role it opens, or why it opens nothing.</summary>
public sealed record StaffDecision(StaffRole? Role, string? Refusal, string Reason)
{
    public static StaffDecision Refused(string refusal, string reason) => new(null, refusal, reason);
}

/// <summary>
/// The provider's claims → our role in an area. The second factor first (when the provider must prove one), then the
/// values of the role claim through the mapping: the designer opens for <c>author</c>; the inbox for exactly one
/// place — one authority (as lead when a value says so, else as caseworker) or the tenant's operations — and for none
/// when the values name several (an account works at one place).
/// </summary>
public static class StaffRoleMapping
{
    public const string NoRole = "keine-rolle";
    public const string Ambiguous = "mehrdeutig";
    public const string NoSecondFactor = "mfa";

    public static StaffDecision Decide(StaffProviderSettings provider, ClaimsPrincipal token)
    {
        if (provider.Mfa is { } mfa && !mfa.IsMetBy(token))
            return StaffDecision.Refused(NoSecondFactor, $"no second factor: acr '{token.FindFirstValue("acr")}', amr '{string.Join(' ', token.FindAll("amr").Select(c => c.Value))}'");
        var values = token.FindAll(provider.RoleClaim).Select(c => c.Value).Distinct(StringComparer.Ordinal).ToList();
        var roles = values.SelectMany(v => provider.Roles.GetValueOrDefault(v) ?? []).Where(r => r.Area == provider.Area).Distinct().ToList();
        var shown = $"{provider.RoleClaim}: {string.Join(", ", values.Take(10))}{(values.Count > 10 ? ", …" : "")}";
        if (roles.Count == 0) return StaffDecision.Refused(NoRole, $"no value of the role claim maps to a role here ({shown})");
        if (provider.Area == StaffArea.Designer) return new StaffDecision(StaffRole.Author, null, shown);

        var places = roles.GroupBy(r => r.InboxRole == CaseworkerRole.Operator ? "" : r.AuthorityId).ToList();
        if (places.Count > 1) return StaffDecision.Refused(Ambiguous, $"the values map to several places ({shown})");
        var place = places[0];
        var role = place.FirstOrDefault(r => r.InboxRole == CaseworkerRole.Lead) ?? place.First();
        return new StaffDecision(role, null, shown);
    }
}
