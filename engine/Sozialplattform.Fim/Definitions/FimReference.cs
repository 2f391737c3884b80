using Sozialplattform.Fim.Model;

namespace Sozialplattform.Fim.Definitions;

/// <summary>The <c>fim</c> property: id and version of the FIM element a form, block or item came from.</summary>
public sealed record FimReference(string Id, string? Version = null)
{
    public static FimReference From(FimIdentity identity) => new(identity.Id, identity.Version);
}
