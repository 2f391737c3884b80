namespace Sozialplattform.Delivery.Tenants;

/// <summary>One thing wrong in a tenant's configuration: which file, which entry, what.</summary>
public sealed record ConfigProblem(string File, string Entry, string Message)
{
    public override string ToString() => Entry.Length == 0 ? $"{File}: {Message}" : $"{File}: {Entry}: {Message}";
}

/// <summary>Thrown on start when a tenant's configuration has problems; lists all of them.</summary>
public sealed class TenantConfigurationException(IReadOnlyList<ConfigProblem> problems)
    : Exception("The tenant configuration has problems:" + Environment.NewLine + string.Join(Environment.NewLine, problems.Select(p => "  " + p)))
{
    public IReadOnlyList<ConfigProblem> Problems { get; } = problems;
}
