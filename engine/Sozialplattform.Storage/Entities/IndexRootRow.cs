namespace Sozialplattform.Storage.Entities;

/// <summary>
/// The root of the blind indexes and derived secrets (table <c>index_roots</c>, one row), encrypted with the data key:
/// kept apart from the data key so that rotating the data key re-encrypts this row and changes no token or link.
/// </summary>
public sealed class IndexRootRow
{
    public string Name { get; set; } = "";
    public required byte[] ValueCipher { get; set; }
}
