using System.Globalization;

namespace Sozialplattform.Documents.Text;

/// <summary>The bidirectional character types of Unicode's UBA (UAX #9) that this renderer distinguishes.</summary>
internal enum BidiClass : byte
{
    L, R, AL, EN, AN, ES, ET, CS, NSM, WS, ON,
}

/// <summary>
/// Classifies UTF-16 code units into <see cref="BidiClass"/>. .NET exposes no bidi property, so the
/// right-to-left scripts (Hebrew, Arabic, Syriac, Thaana, N'Ko and their presentation forms) are listed
/// by block; everything else follows from the general category.
/// </summary>
internal static class BidiClassifier
{
    public static bool IsRightToLeft(char c) =>
        c is >= '\u0590' and <= '\u08FF' or >= '\uFB1D' and <= '\uFDFF' or >= '\uFE70' and <= '\uFEFF';

    public static bool ContainsRightToLeft(string text)
    {
        foreach (var c in text)
            if (IsRightToLeft(c)) return true;
        return false;
    }

    public static BidiClass Classify(char c)
    {
        if (c is >= '0' and <= '9' or >= '\u06F0' and <= '\u06F9') return BidiClass.EN;
        if (c is >= '\u0660' and <= '\u0669' or '\u066B' or '\u066C') return BidiClass.AN;
        if (c is '+' or '-' or '\u2212') return BidiClass.ES;
        if (c is ',' or '.' or ':' or '/' or '\u00A0' or '\u060C') return BidiClass.CS;
        if (c is '#' or '%' or '\u00B0' or '\u2030' or '\u066A') return BidiClass.ET;

        var category = char.GetUnicodeCategory(c);
        if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark) return BidiClass.NSM;
        if (category == UnicodeCategory.CurrencySymbol) return BidiClass.ET;
        if (IsRightToLeft(c)) return c is >= '\u0590' and <= '\u05FF' or >= '\uFB1D' and <= '\uFB4F' ? BidiClass.R : BidiClass.AL;
        if (category is UnicodeCategory.SpaceSeparator or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator || c == '\t')
            return BidiClass.WS;

        return category switch
        {
            UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
                or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter or UnicodeCategory.SpacingCombiningMark
                or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber
                or UnicodeCategory.Surrogate or UnicodeCategory.PrivateUse => BidiClass.L,
            _ => BidiClass.ON,
        };
    }
}
