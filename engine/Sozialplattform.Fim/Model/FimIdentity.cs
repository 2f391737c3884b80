namespace Sozialplattform.Fim.Model;

/// <summary>A FIM element is identified by its id and (optional) version, e.g. <c>F00000013 1.2</c>.</summary>
public sealed record FimIdentity(string Id, string? Version)
{
    public override string ToString() => Version is null ? Id : $"{Id} {Version}";
}
