namespace Sozialplattform.Fim.Definitions;

/// <summary>
/// Sources of the author notes in which the import keeps FIM facts our format has no property for.
/// The export reads them back, so that these facts survive import → export.
/// </summary>
public static class FimNoteSources
{
    /// <summary>The FIM <c>datentyp</c> when the field type only approximates it: <c>fim:datentyp=time</c>.</summary>
    public const string DataTypePrefix = "fim:datentyp=";

    /// <summary>A <c>hidden</c> field, imported as a read-only field.</summary>
    public const string Hidden = "fim:feldart=hidden";

    /// <summary>A select field whose code list was not available; the note's <c>fim</c> names the list (canonical URI and version).</summary>
    public const string MissingCodeList = Sozialplattform.Engine.Definitions.AuthorNoteSources.MissingFimCodeList;

    /// <summary>A <c>praezisierung</c> (or a pattern in it) that could not be read; the note's text is the raw value.</summary>
    public const string Precision = "fim:praezisierung";

    /// <summary>A required read-only field without a preset value, imported as optional; the export writes <c>anzahl</c> 1:1 again.</summary>
    public const string RequiredWithoutValue = "fim:anzahl=1:1";

    public static string DataType(string code) => DataTypePrefix + code;
}
