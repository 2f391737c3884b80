namespace Sozialplattform.Storage.Crypto.Rotation;

/// <summary>How a column holds data-key ciphertext: the bytes themselves, or the Data Protection key ring's XML with base64 parts.</summary>
public enum CipherLayout { Binary, KeyRingXml }

/// <summary>
/// One column encrypted with the data key: where it is (table and column names as in the database), the columns that
/// find its row, and how the owner id bound as associated data is computed from <see cref="OwnerColumns"/>.
/// </summary>
public sealed record EncryptedColumn(
    string Area, string Table, string Column, IReadOnlyList<string> Key, IReadOnlyList<string> OwnerColumns,
    Func<IReadOnlyList<object>, Guid> Owner, CipherLayout Layout = CipherLayout.Binary)
{
    public string Name => $"{Area} {Table}.{Column}";

    /// <summary>The common case: the row's <c>Id</c> is the owner.</summary>
    public static EncryptedColumn OwnedById(string area, string table, string column) =>
        new(area, table, column, ["Id"], ["Id"], v => AsGuid(v[0]));

    /// <summary>Owner in another column of the row (e.g. a status event bound to its submission).</summary>
    public static EncryptedColumn OwnedByColumn(string area, string table, string column, string ownerColumn) =>
        new(area, table, column, ["Id"], [ownerColumn], v => AsGuid(v[0]));

    /// <summary>A Guid as the provider returns it (PostgreSQL: uuid; SQLite: text).</summary>
    public static Guid AsGuid(object value) => value is Guid g ? g : Guid.Parse(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)!);
}

/// <summary>
/// What one area says about its columns: those under the data key, and the other binary columns with the reason they are
/// not (encrypted with another key, or not secret) — so a new binary column that is in neither list fails
/// <c>EncryptedColumnRegistryTests</c> instead of being forgotten by the rotation.
/// </summary>
public sealed record AreaColumns(IReadOnlyList<EncryptedColumn> UnderDataKey, IReadOnlyDictionary<string, string> OtherBinaryColumns);
