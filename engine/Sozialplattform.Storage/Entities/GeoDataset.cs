namespace Sozialplattform.Storage.Entities;

/// <summary>Which postal-code file was imported last; a file with the same hash is not imported again.</summary>
public sealed class GeoDataset
{
    public int Id { get; set; }
    public required string SourcePath { get; set; }
    public required string Sha256 { get; set; }
    public int PostalCodes { get; set; }
    public int Rows { get; set; }
    public DateTime ImportedAt { get; set; }
}
