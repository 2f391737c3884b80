namespace Sozialplattform.Documents.Pdf.Layout;

/// <summary>The fixed words of the PDF in one language (the six portal languages). Other languages fall back to English.</summary>
public sealed record PdfTexts(
    string PageOf,
    string ReferenceNumber,
    string SubmittedAt,
    string CreatedAt,
    string Form,
    string LegalBasis,
    string Declarations,
    string NoDeclarations,
    string Attachments,
    string NoAttachments,
    string EmptyValue,
    string RowNumber)
{
    public static PdfTexts German { get; } = new(
        "Seite {0} von {1}", "Referenznummer", "Eingereicht am", "Erstellt am", "Formular", "Rechtsgrundlage",
        "Erklärungen", "Keine Erklärungen", "Anlagen", "Keine Anlagen", "—", "Nr.");

    public static PdfTexts English { get; } = new(
        "Page {0} of {1}", "Reference number", "Submitted on", "Created on", "Form", "Legal basis",
        "Declarations", "No declarations", "Attachments", "No attachments", "—", "No.");

    public static PdfTexts Arabic { get; } = new(
        "صفحة {0} من {1}", "الرقم المرجعي", "تاريخ التقديم", "تاريخ الإنشاء", "الاستمارة", "الأساس القانوني",
        "الإقرارات", "لا توجد إقرارات", "المرفقات", "لا توجد مرفقات", "—", "رقم");

    public static PdfTexts Turkish { get; } = new(
        "Sayfa {0} / {1}", "Başvuru numarası", "Gönderilme tarihi", "Oluşturulma tarihi", "Form", "Yasal dayanak",
        "Beyanlar", "Beyan yok", "Ekler", "Ek yok", "—", "No.");

    public static PdfTexts Ukrainian { get; } = new(
        "Сторінка {0} з {1}", "Номер заяви", "Подано", "Створено", "Форма", "Правова підстава",
        "Заяви", "Заяв немає", "Додатки", "Додатків немає", "—", "№");

    public static PdfTexts Russian { get; } = new(
        "Страница {0} из {1}", "Номер заявления", "Подано", "Создано", "Форма", "Правовое основание",
        "Заявления", "Заявлений нет", "Приложения", "Приложений нет", "—", "№");

    public static PdfTexts For(string language) => language.Split('-')[0].ToLowerInvariant() switch
    {
        "de" => German,
        "ar" => Arabic,
        "tr" => Turkish,
        "uk" => Ukrainian,
        "ru" => Russian,
        _ => English,
    };

    public string Page(int number, int count) => string.Format(PageOf, number, count);
}
