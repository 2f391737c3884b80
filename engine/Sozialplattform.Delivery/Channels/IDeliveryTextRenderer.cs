namespace Sozialplattform.Delivery.Channels;

/// <summary>
/// Renders the human-readable text of a delivery (e-mail subject and body). The documents area provides a
/// Scriban-template implementation; <see cref="PlainDeliveryTextRenderer"/> is the default until then.
/// </summary>
public interface IDeliveryTextRenderer
{
    DeliveryText Render(DeliveryPackage package);

    /// <summary>The e-mail of a hand-in delivered as a follow-up; the plain German text unless a renderer has its own.</summary>
    DeliveryText RenderFollowUp(FollowUpPackage package) => PlainDeliveryTextRenderer.FollowUp(package);
}

public sealed record DeliveryText(string Subject, string Body);

/// <summary>A plain German text: what arrived, reference number, attachments. No personal data beyond what the PDF carries.</summary>
public sealed class PlainDeliveryTextRenderer : IDeliveryTextRenderer
{
    public DeliveryText Render(DeliveryPackage package)
    {
        if (package.ChosenByApplicant) return ContactRequest(package);
        var lines = new List<string>
        {
            $"Guten Tag,",
            "",
            $"über die Sozialplattform ist ein Antrag für {package.Authority.Name} eingegangen.",
            "",
            $"Antrag: {package.FormTitle} ({package.FormId}, Version {package.FormVersion})",
            $"Referenznummer: {package.ReferenceNumber}",
            $"Eingegangen am: {package.SubmittedAt:dd.MM.yyyy HH:mm} UTC",
            $"Zustellungs-ID: {package.DeliveryId}",
            "",
            "Anlagen:",
            $"- {package.Pdf.FileName} (Antrag als PDF)",
            "- antrag.json (Antragsdaten, maschinenlesbar)",
            "- antrag.xml (Antragsdaten als XML)",
        };
        if (package.AnswersXsd is not null) lines.Add("- antrag.xsd (XML-Schema der Antragsdaten)");
        lines.AddRange(package.Attachments.Select(a => $"- {a.FileName} (SHA-256 {a.Sha256})"));
        lines.Add("");
        lines.Add("Erhalten Sie diese Nachricht mit derselben Zustellungs-ID erneut, handelt es sich um eine Wiederholung derselben Zustellung.");
        return new DeliveryText($"Antrag {package.ReferenceNumber}: {package.FormTitle}", string.Join("\n", lines));
    }

    /// <summary>
    /// A hand-in after the submission: subject and body name the reference number and the hand-in's receipt number; the
    /// applicant's message is quoted as plain text (the mail has no HTML part, so nothing in it is ever rendered).
    /// </summary>
    public static DeliveryText FollowUp(FollowUpPackage package)
    {
        var lines = new List<string>
        {
            "Guten Tag,",
            "",
            package.ChosenByApplicant
                ? $"zur Kontaktanfrage {package.ReferenceNumber} hat die Person über die Sozialplattform etwas nachgereicht."
                : $"zum Antrag {package.ReferenceNumber} ({package.FormTitle}) hat die antragstellende Person über die Sozialplattform Unterlagen nachgereicht.",
            "",
            $"Referenznummer: {package.ReferenceNumber}",
            $"Eingangsnummer der Nachreichung: {package.ReceiptNumber}",
            $"Nachgereicht am: {package.HandedInAt:dd.MM.yyyy HH:mm} UTC",
            $"Zustellungs-ID des Antrags: {package.OriginalDeliveryId}",
            $"Zustellungs-ID dieser Nachreichung: {package.DeliveryId}",
            "",
            "Nachricht:",
            string.IsNullOrWhiteSpace(package.Message) ? "(keine Nachricht)" : package.Message,
            "",
        };
        if (package.Files.Count == 0) lines.Add("Anlagen: keine");
        else
        {
            lines.Add("Anlagen:");
            lines.AddRange(package.Files.Select(f => $"- {f.FileName} (SHA-256 {f.Sha256})"));
        }

        lines.Add("");
        lines.Add("Erhalten Sie diese Nachricht mit derselben Zustellungs-ID erneut, handelt es sich um eine Wiederholung derselben Zustellung.");
        return new DeliveryText($"Nachreichung zu {package.ReferenceNumber} ({package.ReceiptNumber})", string.Join("\n", lines));
    }

    /// <summary>A request to a counselling centre the person chose: the subject carries only the reference (never the topic).</summary>
    private static DeliveryText ContactRequest(DeliveryPackage package)
    {
        string[] lines =
        [
            "Guten Tag,",
            "",
            $"über die Sozialplattform ist eine Kontaktanfrage für {package.Authority.Name} eingegangen. Die Person hat Ihre Stelle im Beratungsstellenfinder gewählt und bittet darum, dass Sie sich melden – so, wie sie es in der Anfrage angegeben hat.",
            "",
            $"Anliegen: {package.FormTitle}",
            $"Referenznummer: {package.ReferenceNumber}",
            $"Eingegangen am: {package.SubmittedAt:dd.MM.yyyy HH:mm} UTC",
            $"Zustellungs-ID: {package.DeliveryId}",
            "",
            "Die Angaben der Person stehen in der angehängten PDF-Datei (maschinenlesbar in antrag.json und antrag.xml). Bitte behandeln Sie sie vertraulich.",
            "",
            "Erhalten Sie diese Nachricht mit derselben Zustellungs-ID erneut, handelt es sich um eine Wiederholung derselben Zustellung.",
        ];
        return new DeliveryText($"Kontaktanfrage {package.ReferenceNumber}", string.Join("\n", lines));
    }
}
