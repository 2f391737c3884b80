using Sozialplattform.Engine.Documents;
using static Sozialplattform.Documents.Tests.TestData.DocumentBuilder;

namespace Sozialplattform.Documents.Tests.TestData;

/// <summary>The hand-built documents every PDF and template test uses; each has an approval file of its extracted text.</summary>
internal static class SampleDocuments
{
    private static readonly System.Globalization.CultureInfo German = System.Globalization.CultureInfo.GetCultureInfo("de-DE");

    public static IReadOnlyDictionary<string, Func<SubmissionDocument>> All { get; } = new Dictionary<string, Func<SubmissionDocument>>
    {
        ["buergergeld-5-pages"] = Buergergeld,
        ["household-500-rows"] = () => LargeHousehold(500),
        ["long-text-10000"] = () => LongText(10_000),
        ["arabic"] = Arabic,
        ["every-field-type"] = EveryFieldType,
    };

    public static SubmissionDocument Buergergeld() =>
        new DocumentBuilder("buergergeld-hauptantrag", "Antrag auf Bürgergeld (Hauptantrag)")
            .LegalBasis("SGB II")
            .Section("Persönliche Angaben", "§ 7 SGB II",
                Field("Anrede", "Frau"), Field("Vorname", "Jürgen-Müßig"), Field("Familienname", "Weiß-Größer"),
                Field("Geburtsdatum", "14.03.1981"), Field("Geburtsort", "Köln"), Field("Staatsangehörigkeit", "deutsch"),
                Field("Familienstand", "verheiratet, zusammenlebend"), Field("Telefon (freiwillig)", ""),
                Field("E-Mail-Adresse", "j.weiss@example.org"), Field("Rentenversicherungsnummer", "12 140381 W 123"),
                Group("Anschrift", Field("Straße und Hausnummer", "Königsallee 27a"), Field("Postleitzahl", "40212"), Field("Ort", "Düsseldorf")))
            .Section("Bedarfsgemeinschaft", "§ 7 Abs. 3 SGB II",
                Field("Leben weitere Personen in Ihrem Haushalt?", "Ja"),
                Table("Personen in der Bedarfsgemeinschaft", ["Vorname", "Familienname", "Geburtsdatum", "Verwandtschaftsverhältnis", "Erwerbsfähig"],
                [
                    ["Jürgen-Müßig", "Weiß-Größer", "14.03.1981", "antragstellende Person", "Ja"],
                    ["Özlem", "Weiß-Größer", "02.07.1983", "Ehepartnerin", "Ja"],
                    ["Lukas", "Weiß-Größer", "19.09.2012", "Kind", "Nein"],
                    ["Mia-Sophie", "Weiß-Größer", "05.01.2018", "Kind", "Nein"],
                ]))
            .Section("Wohnung und Kosten der Unterkunft", "§ 22 SGB II",
                Field("Art der Unterkunft", "Mietwohnung"), Field("Wohnfläche", "78,5 m²"), Field("Anzahl der Räume", "4"),
                Field("Grundmiete (monatlich)", "685,00 €"), Field("Nebenkosten (monatlich)", "180,00 €"),
                Field("Heizkosten (monatlich)", "95,50 €"), Field("Heizungsart", "Gaszentralheizung"),
                Field("Warmwasser über die Heizung", "Ja"), Field("Mietbeginn", "01.04.2019"),
                Group("Vermieterin oder Vermieter", Field("Name", "Wohnungsbaugesellschaft Rhein-Ruhr mbH"), Field("Anschrift", "Rheinuferstraße 5, 40213 Düsseldorf")))
            .Section("Einkommen", "§ 11 SGB II",
                Field("Haben Mitglieder der Bedarfsgemeinschaft Einkommen?", "Ja"),
                Table("Einkommen", ["Person", "Einkommensart", "Betrag (brutto)", "Betrag (netto)", "Zahlungsweise"],
                [
                    ["Özlem Weiß-Größer", "Nichtselbständige Arbeit (Minijob)", "538,00 €", "538,00 €", "monatlich"],
                    ["Lukas Weiß-Größer", "Kindergeld", "255,00 €", "255,00 €", "monatlich"],
                    ["Mia-Sophie Weiß-Größer", "Kindergeld", "255,00 €", "255,00 €", "monatlich"],
                    ["Jürgen-Müßig Weiß-Größer", "Arbeitslosengeld I (endet am 31.12.2026)", "1.234,56 €", "1.234,56 €", "monatlich"],
                ]))
            .Section("Vermögen", "§ 12 SGB II",
                Field("Übersteigt das Vermögen der Bedarfsgemeinschaft 40.000 €?", "Nein"),
                Blocks("Vermögenswerte", "Vermögenswert",
                    [Field("Art", "Girokonto"), Field("Kreditinstitut", "Sparkasse Düsseldorf"), Field("Wert", "1.850,23 €")],
                    [Field("Art", "Bausparvertrag"), Field("Kreditinstitut", "LBS West"), Field("Wert", "6.400,00 €"), Field("Zuteilungsreif", "Nein")],
                    [Field("Art", "Kraftfahrzeug"), Field("Beschreibung", "VW Golf, Baujahr 2014"), Field("Wert", "5.200,00 €")]))
            .Section("Erwerbsfähigkeit und Arbeitsuche", "§ 8 SGB II",
                Field("Sind Sie in der Lage, mindestens drei Stunden täglich zu arbeiten?", "Ja"),
                Field("Zuletzt ausgeübte Tätigkeit", "Lagerlogistiker bei einem Großhandel für Sanitärbedarf"),
                Field("Beschäftigt bis", "31.03.2026"), Field("Grund für das Ende der Beschäftigung", "betriebsbedingte Kündigung durch den Arbeitgeber"),
                Field("Arbeitslos gemeldet seit", "01.04.2026"), Field("Berufsabschluss", "Fachkraft für Lagerlogistik (IHK)"),
                Field("Führerschein", "Klasse B, C1"))
            .Section("Bankverbindung", "§ 42 SGB II",
                Field("Kontoinhaberin oder Kontoinhaber", "Jürgen-Müßig Weiß-Größer"), Field("IBAN", "DE89 3704 0044 0532 0130 00"),
                Field("BIC", "COBADEFFXXX"), Field("Kreditinstitut", "Commerzbank"))
            .Section("Kranken- und Pflegeversicherung", "§ 5 Abs. 1 Nr. 2a SGB V",
                Field("Krankenkasse", "AOK Rheinland/Hamburg"), Field("Versichertennummer", "A123456789"),
                Field("Art der Versicherung", "gesetzlich, Familienversicherung für die Kinder"))
            .Section("Weitere Angaben", "",
                Field("Gibt es besondere Umstände, die wir kennen sollten?", Paragraphs(4)),
                Field("Besuchen Kinder eine Schule oder Kindertagesstätte?", "Ja"),
                Blocks("Schule und Betreuung", "Kind",
                    [Field("Name des Kindes", "Lukas Weiß-Größer"), Field("Schule", "Städtisches Gymnasium Düsseldorf-Gerresheim"), Field("Klasse", "8b"), Field("Mittagessen in der Schule", "Ja, 4,50 € pro Tag")],
                    [Field("Name des Kindes", "Mia-Sophie Weiß-Größer"), Field("Schule", "Katholische Grundschule Am Rather Broich"), Field("Klasse", "3a"), Field("Offener Ganztag", "Ja")]),
                Field("Besteht ein Mehrbedarf wegen kostenaufwändiger Ernährung?", "Nein"))
            .Declaration("Ich versichere, dass alle Angaben vollständig und richtig sind. Mir ist bekannt, dass falsche oder unvollständige Angaben strafrechtlich verfolgt werden können (§ 263 StGB) und zu Erstattungsforderungen führen.")
            .Declaration("Ich verpflichte mich, jede Änderung in meinen Verhältnissen unverzüglich mitzuteilen (§ 60 SGB I).")
            .Declaration("Ich bin damit einverstanden, dass das Jobcenter mich per E-Mail kontaktiert.", confirmed: false)
            .Attachment("Mietvertrag", "Mietvertrag_Königsallee.pdf", 1_284_512, "application/pdf", "3f79bb7b435b05321651daefd374cdc681dc06faa65e374e38337b88ca046dea")
            .Attachment("Kontoauszüge der letzten drei Monate", "kontoauszug-2026-10.pdf", 245_760, "application/pdf", "a4c5e9d1f0b2a3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c")
            .Attachment("Nachweis über Kindergeld", "kindergeld.jpg", 812, "image/jpeg", "0b1c2d3e4f5061728394a5b6c7d8e9f00112233445566778899aabbccddeeff0")
            .Build();

    public static SubmissionDocument LargeHousehold(int rows) =>
        new DocumentBuilder("wohnberechtigungsschein", "Antrag auf einen Wohnberechtigungsschein")
            .LegalBasis("WoFG")
            .Section("Haushaltsangehörige", "§ 18 WoFG",
                Table("Personen im Haushalt", ["Vorname", "Familienname", "Geburtsdatum", "Einkommen (jährlich)"],
                    Enumerable.Range(1, rows).Select(i => (IReadOnlyList<string>)
                        [$"Person{i}", i % 3 == 0 ? "Groß-Übermaß" : "Schäfer", $"{1 + i % 28:00}.{1 + i % 12:00}.{1950 + i % 70}", (i * 137 % 50_000 + 1_000).ToString("N2", German) + " €"])))
            .Declaration("Ich versichere die Richtigkeit meiner Angaben.")
            .Build();

    public static SubmissionDocument LongText(int length) =>
        new DocumentBuilder("hilfe-besondere-lebenslagen", "Antrag auf Hilfe zur Überwindung besonderer sozialer Schwierigkeiten")
            .LegalBasis("SGB XII §§ 67 ff.")
            .Section("Schilderung der Lebenslage", "§ 67 SGB XII",
                Field("Name", "Bärbel Groß"),
                Field("Beschreiben Sie bitte Ihre aktuelle Lebenssituation", LongAnswer(length)),
                Field("Unterstützung gewünscht durch", "Fachberatungsstelle"))
            .Build();

    public static SubmissionDocument Arabic() =>
        new DocumentBuilder("buergergeld-hauptantrag", "طلب الحصول على إعانة المواطن", "ar")
            .Header(new DocumentHeader("SP-2026-000777", new DateTimeOffset(2026, 11, 25, 14, 30, 0, TimeSpan.Zero), "مركز العمل موسترشتات", ["Hauptstraße 1", "12345 Musterstadt"]))
            .LegalBasis("SGB II")
            .Section("البيانات الشخصية", "§ 7 SGB II",
                Field("الاسم الأول", "محمد"), Field("اسم العائلة", "الأحمد"), Field("تاريخ الميلاد", "14.03.1981"),
                Field("مكان الميلاد", "دمشق"), Field("العنوان", "Königsallee 27a, 40212 Düsseldorf"),
                Field("الإيجار الشهري", "685,00 €"))
            .Section("أفراد الأسرة", "§ 7 Abs. 3 SGB II",
                Table("الأشخاص", ["الاسم الأول", "تاريخ الميلاد", "صلة القرابة"],
                [
                    ["محمد", "14.03.1981", "مقدم الطلب"],
                    ["فاطمة", "02.07.1983", "زوجة"],
                    ["Lukas", "19.09.2012", "ابن"],
                ]))
            .Declaration("أؤكد أن جميع البيانات صحيحة وكاملة.")
            .Attachment("عقد الإيجار", "Mietvertrag.pdf", 1_284_512, "application/pdf", "3f79bb7b435b05321651daefd374cdc681dc06faa65e374e38337b88ca046dea")
            .Build();

    public static SubmissionDocument EveryFieldType() =>
        new DocumentBuilder("alle-feldtypen", "Formular mit allen Feldtypen")
            .Section("Alle Feldtypen", "",
                Field("Text", "Straße der Einheit 5"), Field("Mehrzeiliger Text", "Erste Zeile\nZweite Zeile mit Umlauten: äöü ÄÖÜ ß\nDritte Zeile"),
                Field("Zahl", "4"), Field("Dezimalzahl", "78,5"), Field("Geldbetrag", "1.234,56 €"), Field("Datum", "25.11.2026"),
                Field("Uhrzeit", "14:30 Uhr"), Field("Ja/Nein", "Ja"), Field("Auswahl (eine)", "Gesetzlich versichert"),
                Field("Auswahl (mehrere)", "Miete, Heizung, Strom"), Field("Auswahl aus Liste", "Nordrhein-Westfalen"),
                Field("E-Mail", "max.mustermann@example.org"), Field("Telefon", "+49 211 123456-0"), Field("IBAN", "DE89 3704 0044 0532 0130 00"),
                Field("Postleitzahl", "40212"), Field("Steuer-ID", "12 345 678 901"), Field("Prozent", "12,5 %"),
                Field("Berechneter Wert", "960,50 €"), Field("Leere optionale Angabe", ""),
                Field("Datei-Upload", "Mietvertrag.pdf (1,2 MB)"), Field("Einwilligung", "Ja"))
            .Declaration("Ich bestätige die Angaben.")
            .Attachment("Datei-Upload", "Mietvertrag.pdf", 1_284_512, "application/pdf", "3f79bb7b435b05321651daefd374cdc681dc06faa65e374e38337b88ca046dea")
            .Build();

    private static string Paragraphs(int count) => string.Join("\n", Enumerable.Range(1, count).Select(i =>
        $"Absatz {i}: Seit der Kündigung meiner Arbeitsstelle im Frühjahr reicht das Arbeitslosengeld nicht mehr für die Miete und den Lebensunterhalt der Familie. " +
        "Unser älterer Sohn braucht für die Schule ein Tablet, die Heizkostennachzahlung über 412,37 € ist im Dezember fällig, und das Auto wird für den Arbeitsweg meiner Frau benötigt."));

    private static string LongAnswer(int length)
    {
        const string sentence = "Ich lebe seit März ohne eigene Wohnung und übernachte abwechselnd bei Freunden; die Straßensozialarbeit hilft mir bei Behördengängen, Schulden von 3.250,00 € belasten mich. ";
        var text = string.Concat(Enumerable.Repeat(sentence, length / sentence.Length + 1))[..length];
        return text;
    }
}
