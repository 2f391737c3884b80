namespace Sozialplattform.Storage.ApiClients;

/// <summary>The scopes of the case API, one per kind of operation; a client gets the ones named when it is added (default: all).</summary>
public static class ApiScopes
{
    public const string Read = "cases.read";
    public const string Acknowledge = "cases.acknowledge";
    public const string Status = "cases.status";
    public const string Messages = "cases.messages";
    public const string Decisions = "cases.decisions";

    public static readonly IReadOnlyList<string> All = [Read, Acknowledge, Status, Messages, Decisions];
}
