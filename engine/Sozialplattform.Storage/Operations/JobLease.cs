namespace Sozialplattform.Storage.Operations;

/// <summary>Which host may run a sweep job until when (<see cref="JobLeases"/>).</summary>
public sealed class JobLease
{
    public required string Job { get; set; }
    public string Holder { get; set; } = "";
    public DateTime LeasedUntil { get; set; }
}
