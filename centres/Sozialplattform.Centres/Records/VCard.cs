using System.Text;

namespace Sozialplattform.Centres.Records;

/// <summary>A centre as a vCard 4.0 (RFC 6350) contact; every value escaped, so no text of a record can add a property.</summary>
public static class VCard
{
    public static string Write(CentreRecord centre, string language)
    {
        var card = new StringBuilder();
        void Line(string text) => card.Append(text).Append("\r\n");
        Line("BEGIN:VCARD");
        Line("VERSION:4.0");
        Line("KIND:org");
        Line($"FN:{Escape(centre.Name.Resolve(language).Text)}");
        Line($"ORG:{Escape(centre.Carrier.Name)};{Escape(centre.Name.Resolve(language).Text)}");
        var a = centre.Address;
        Line($"ADR;TYPE=work:;;{Escape(a.Street)};{Escape(a.City)};;{Escape(a.PostalCode)};Deutschland");
        if (a.Latitude is { } lat && a.Longitude is { } lon) Line(FormattableString.Invariant($"GEO:geo:{lat:0.#####},{lon:0.#####}"));
        if (centre.Phone is { Length: > 0 } phone) Line($"TEL;TYPE=work,voice;VALUE=text:{Escape(phone)}");
        if (centre.Email is { Length: > 0 } email) Line($"EMAIL;TYPE=work:{Escape(email)}");
        if (centre.Website is { Length: > 0 } website) Line($"URL:{Escape(website)}");
        if (centre.Summary.Resolve(language).Text is { Length: > 0 } note) Line($"NOTE:{Escape(note)}");
        Line("END:VCARD");
        return card.ToString();
    }

    /// <summary>RFC 6350 §3.4: backslash, comma, semicolon and line breaks are escaped; other control characters dropped.</summary>
    internal static string Escape(string value)
    {
        var escaped = new StringBuilder(value.Length);
        foreach (var c in value)
            switch (c)
            {
                case '\\': escaped.Append("\\\\"); break;
                case ',': escaped.Append("\\,"); break;
                case ';': escaped.Append("\\;"); break;
                case '\n': escaped.Append("\\n"); break;
                case '\r': break;
                default: if (!char.IsControl(c)) escaped.Append(c); break;
            }

        return escaped.ToString();
    }
}
