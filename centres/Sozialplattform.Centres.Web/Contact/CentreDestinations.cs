using System.Text.Json.Nodes;
using Sozialplattform.Centres.Search;
using Sozialplattform.Centres.Storage;
using Sozialplattform.Delivery.Routing;
using Sozialplattform.Storage.Entities;

namespace Sozialplattform.Centres.Web.Contact;

/// <summary>
/// The counselling centre as a destination of contact requests (kind <c>centre</c>, key <c>centre:&lt;id&gt;</c>): a
/// centre the public can see now (published, of this tenant, not hidden as unconfirmed) with an e-mail address. It is
/// reached over the platform's <c>email</c> channel at the address of its published record, sent with the platform's
/// mail server (<see cref="CentreMailServer"/>). Asked when a request starts, when it is sent and when it is delivered.
/// </summary>
public sealed class CentreDestinations(CentreFinder finder, CentreStore store, CentreMailServer mail) : IDestinationResolver
{
    public const string KindName = "centre";

    /// <summary>The role an outbox entry of a centre carries (operators see it beside the channel).</summary>
    public const string Role = "beratungsstelle";

    public string Kind => KindName;

    public static string Key(Guid centre) => ChosenDestinations.Key(KindName, centre.ToString());

    public async Task<DestinationLookup> ResolveAsync(string tenantId, string id, CancellationToken cancellationToken)
    {
        if (!Guid.TryParseExact(id, "D", out var centreId) || tenantId != finder.Tenant)
            return Unknown(id);
        if (await finder.FindAsync(centreId, cancellationToken) is not { } centre)
            return await store.FindAsync(centreId, cancellationToken) is { } row && row.Tenant == tenantId
                ? DestinationLookup.Refused("inactive", $"counselling centre {id} is not public (status {row.Status}, or hidden until it confirms its data)")
                : Unknown(id);
        var record = centre.Record;
        if (record.Email is not { Length: > 0 } email)
            return DestinationLookup.Refused("noAddress", $"counselling centre {id} has no e-mail address");
        return DestinationLookup.Found(new Authority
        {
            TenantId = tenantId,
            Id = Key(centreId),
            Name = record.Name.Resolve("de").Text,
            Role = Role,
            Address = string.Join('\n', record.Name.Resolve("de").Text, record.Address.Street, $"{record.Address.PostalCode} {record.Address.City}"),
            ContactEmail = email,
            ContactPhone = record.Phone,
            ChannelType = "email",
            ChannelOptionsJson = mail.ChannelOptions(email).ToJsonString(),
        });
    }

    private static DestinationLookup Unknown(string id) => DestinationLookup.Refused("unknown", $"no counselling centre '{id}' in this tenant");
}

/// <summary>
/// The platform's mail server (section <c>Sozialplattform:Notifications</c>: <c>Smtp</c> and <c>From</c>), which also
/// sends the applicants' status e-mails; contact requests leave through it to each centre's own address.
/// </summary>
public sealed record CentreMailServer(string Host, int Port, string Security, string From, string? UserName, string? PasswordVariable, int TimeoutSeconds)
{
    public JsonObject ChannelOptions(string to)
    {
        var options = new JsonObject { ["host"] = Host, ["port"] = Port, ["security"] = Security, ["from"] = From, ["to"] = to, ["timeoutSeconds"] = TimeoutSeconds };
        if (UserName is not null) options["userName"] = UserName;
        if (PasswordVariable is not null) options["passwordVariable"] = PasswordVariable;
        return options;
    }
}
