namespace Sozialplattform.Appointments.Domain;

/// <summary>A problem as data — where, which kind, with what — turned into text per language at the edge.</summary>
public sealed record AppointmentError(string Path, string Code, params object[] Arguments)
{
    public override string ToString() => $"{Path}: {Code}" + (Arguments.Length > 0 ? $" ({string.Join(", ", Arguments)})" : "");
}
