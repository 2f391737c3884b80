using System.Text.Json.Nodes;
using Sozialplattform.Documents.Formatting;
using Sozialplattform.Documents.Pdf;
using Sozialplattform.Documents.Pdf.Layout;
using Sozialplattform.Documents.Templating;
using Sozialplattform.Engine;
using Sozialplattform.Engine.Documents;

namespace Sozialplattform.Designer.Service;

/// <summary>
/// A template rendered on the sample answers: what is sent (subject and body; for a letter, the receipt and the cover
/// letter also the PDF and PNG images of its first pages), or its problems.
/// </summary>
public sealed record ServiceTemplateRendering(string? Subject, string? Body, byte[]? Pdf, int Pages, IReadOnlyList<ServiceFileProblem> Problems)
{
    public bool Succeeded => Problems.Count == 0;

    /// <summary>The first pages of <see cref="Pdf"/> as PNG (at most <see cref="ServiceTemplatePreview.MaxPageImages"/>), drawn by the PDF's own layout code.</summary>
    public IReadOnlyList<byte[]> PageImages { get; init; } = [];
}

/// <summary>
/// Renders a service's Scriban templates the way the platform does when it uses them, on the form's saved sample answers:
/// a decision letter with the submission's document and the letterhead values (<c>authority_name</c>,
/// <c>caseworker_name</c>, <c>letter_date</c>), then the draft through the PDF renderer's letter layout, as the inbox
/// sends it; the e-mails <c>status-changed</c>/<c>case-news</c> with the header-only document and the status values, as
/// StatusMailComposer does; <c>email-confirmation</c> with the header-only document and <c>status_url</c>, as the portal
/// sends it after a submission; <c>email-authority</c> with the whole German document, as the e-mail channel sends it;
/// <c>receipt</c> (in its language) and <c>cover-letter</c> (German) with the whole document, through the letter layout.
/// Always through Documents' one sandboxed <see cref="TemplateRenderer"/> (no include loader, no .NET members, loop,
/// recursion, output and time limits), so a template that passes here runs the same there.
/// </summary>
public sealed class ServiceTemplatePreview(TimeProvider? clock = null)
{
    public const string SampleReference = "SP-2026-000123";
    public const string SampleAuthority = "Musterbehörde (Beispiel)";
    public const string SampleCaseworker = "Erika Beispiel";
    public static readonly IReadOnlyList<string> SampleAddress = ["Musterstraße 1", "12345 Musterstadt"];

    /// <summary>At most this many pages are shown as images, each at most <see cref="MaxPageImageBytes"/> (the PDF download has all).</summary>
    public const int MaxPageImages = 3;
    public const int MaxPageImageBytes = 800_000;

    private static readonly TemplateRenderer Renderer = new(new TemplateLocator());
    private static readonly PdfRenderer Pdfs = new();
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;

    /// <summary>Renders the file at <paramref name="path"/> (a letter or a template) with <paramref name="text"/> on the engine's sample answers.</summary>
    public ServiceTemplateRendering Render(string formId, string path, string text, FormEngine? engine, JsonObject? sampleAnswers, bool withPdf = true)
    {
        if (text.Length > ServiceFileNames.MaxFileLength)
            return Failed(new ServiceFileProblem(path, 0, 0, $"Die Vorlage ist länger als {ServiceFileNames.MaxFileLength:N0} Zeichen."));
        if (ServiceFileNames.LetterName(path) is { } letter) return Letter(formId, path, letter, text, engine, sampleAnswers, withPdf);
        if (ServiceFileNames.EmailOf(path) is { } template)
        {
            return template.Template switch
            {
                "email-confirmation" => Confirmation(formId, path, template.Language, text, engine),
                "email-authority" => AuthorityMail(formId, path, template.Language, text, engine, sampleAnswers),
                "receipt" or "cover-letter" => PdfTemplate(formId, path, template.Template, template.Language, text, engine, sampleAnswers, withPdf),
                _ => Email(formId, path, template.Template, template.Language, text, engine),
            };
        }

        return Failed(new ServiceFileProblem(path, 0, 0, "Das ist keine Vorlage, die ein Dienst haben kann."));
    }

    /// <summary>The problems of every template among <paramref name="files"/> (a publish is refused while there are any).</summary>
    public IReadOnlyList<ServiceFileProblem> Check(string formId, IReadOnlyDictionary<string, string> files, FormEngine? engine, JsonObject? sampleAnswers) =>
        files.Where(f => f.Key != ServiceFileNames.Checklist)
            .SelectMany(f => Render(formId, f.Key, f.Value, engine, sampleAnswers, withPdf: false).Problems).ToList();

    private SubmissionDocument FullDocument(string formId, string language, FormEngine? engine, JsonObject? answers, bool withAddress = true)
    {
        var header = new DocumentHeader(SampleReference, _clock.GetUtcNow(), SampleAuthority, withAddress ? SampleAddress : []);
        return engine is null
            ? new SubmissionDocument(formId, "0.0.0", language, false, formId, header, [], [], [], [])
            : engine.BuildDocument(engine.Validate(answers ?? []), language, header);
    }

    private SubmissionDocument HeaderDocument(string formId, string language, FormEngine? engine) =>
        new(formId, engine?.Definition.Version ?? "0.0.0", language, language == "ar", engine?.Definition.Title.Get(language) ?? formId,
            new DocumentHeader(SampleReference, _clock.GetUtcNow(), SampleAuthority, []), [], [], [], []);

    private ServiceTemplateRendering Letter(string formId, string path, string name, string text, FormEngine? engine, JsonObject? answers, bool withPdf)
    {
        var now = _clock.GetUtcNow();
        var document = FullDocument(formId, "de", engine, answers);
        var result = Renderer.Render(new TemplateSource(name, "de", path, text), document, new Dictionary<string, string>
        {
            ["authority_name"] = SampleAuthority,
            ["caseworker_name"] = SampleCaseworker,
            ["letter_date"] = DocumentFormat.Date(now, "de", Renderer.TimeZone),
        });
        if (!result.Succeeded) return Failed(Problems(path, result));
        var (subject, body) = TemplateText.Split(result.Text!);
        if (subject.Length == 0 || body.Trim().Length == 0)
            return new ServiceTemplateRendering(subject, body, null, 0, [new ServiceFileProblem(path, 1, 1, "Ein Bescheid braucht in der ersten Zeile den Betreff und darunter den Text.")]);
        return withPdf ? WithPdf(path, document, "de", subject, body) : new ServiceTemplateRendering(subject, body, null, 0, []);
    }

    /// <summary>The receipt or the cover letter: the whole document (receipt in its language, cover letter as the authority reads it), a PDF through the letter layout.</summary>
    private ServiceTemplateRendering PdfTemplate(string formId, string path, string template, string language, string text, FormEngine? engine, JsonObject? answers, bool withPdf)
    {
        var document = FullDocument(formId, language, engine, answers);
        var result = Renderer.Render(new TemplateSource(template, language, path, text), document, new Dictionary<string, string>
        {
            ["status_url"] = $"https://portal.example/{language}/status",
        });
        if (!result.Succeeded) return Failed(Problems(path, result));
        var (subject, body) = TemplateText.Split(result.Text!);
        if (subject.Length == 0 || body.Trim().Length == 0)
            return new ServiceTemplateRendering(subject, body, null, 0, [new ServiceFileProblem(path, 1, 1, "Die erste Zeile ist die Überschrift des PDFs, darunter steht der Text; eins von beiden ist leer.")]);
        return withPdf ? WithPdf(path, document, language, subject, body) : new ServiceTemplateRendering(subject, body, null, 0, []);
    }

    private ServiceTemplateRendering WithPdf(string path, SubmissionDocument document, string language, string subject, string body)
    {
        var now = _clock.GetUtcNow();
        var letterDocument = LetterPdfLayout.Document(document.FormId, document.FormVersion, language, subject, SampleReference, SampleAuthority, SampleAddress, body);
        var options = new PdfRenderOptions { Layout = LetterPdfLayout.LayoutName, CreatedAt = now, Author = SampleAuthority };
        var pdf = Pdfs.Render(letterDocument, options);
        if (!pdf.Succeeded)
            return new ServiceTemplateRendering(subject, body, null, 0, [new ServiceFileProblem(path, 0, 0, $"Das PDF ließ sich nicht erzeugen: {pdf.ErrorMessage}")]);
        var images = Pdfs.RenderPageImages(letterDocument, options, MaxPageImages);
        return new ServiceTemplateRendering(subject, body, pdf.Pdf, pdf.PageCount, [])
        {
            PageImages = images.Pngs.Where(png => png.Length <= MaxPageImageBytes).ToList(),
        };
    }

    /// <summary>The confirmation to the applicant after a submission: as the portal sends it, the header only (no answers in an e-mail).</summary>
    private ServiceTemplateRendering Confirmation(string formId, string path, string language, string text, FormEngine? engine)
    {
        var result = Renderer.Render(new TemplateSource("email-confirmation", language, path, text), HeaderDocument(formId, language, engine), new Dictionary<string, string>
        {
            ["status_url"] = $"https://portal.example/{language}/status",
        });
        return MailOf(path, result);
    }

    /// <summary>The e-mail to the authority: the whole document, as the e-mail channel sends it (German for the authority).</summary>
    private ServiceTemplateRendering AuthorityMail(string formId, string path, string language, string text, FormEngine? engine, JsonObject? answers)
    {
        var result = Renderer.Render(new TemplateSource("email-authority", language, path, text), FullDocument(formId, language, engine, answers));
        return MailOf(path, result);
    }

    private ServiceTemplateRendering Email(string formId, string path, string template, string language, string text, FormEngine? engine)
    {
        var now = _clock.GetUtcNow();
        // As StatusMailComposer: the header only — no answers reach an e-mail.
        var result = Renderer.Render(new TemplateSource(template, language, path, text), HeaderDocument(formId, language, engine), new Dictionary<string, string>
        {
            ["status"] = language == "de" ? "In Bearbeitung" : "In progress",
            ["status_code"] = "InProgress",
            ["message"] = "",
            ["has_message"] = "",
            ["changed_at"] = DocumentFormat.Date(now, language, Renderer.TimeZone),
            ["status_url"] = $"https://portal.example/{language}/status",
        });
        return MailOf(path, result);
    }

    private static ServiceTemplateRendering MailOf(string path, TemplateResult result)
    {
        if (!result.Succeeded) return Failed(Problems(path, result));
        var (subject, body) = TemplateText.Split(result.Text!);
        return subject.Length == 0
            ? new ServiceTemplateRendering(subject, body, null, 0, [new ServiceFileProblem(path, 1, 1, "Die erste Zeile einer E-Mail-Vorlage ist der Betreff; sie ist leer.")])
            : new ServiceTemplateRendering(subject, body, null, 0, []);
    }

    private static ServiceTemplateRendering Failed(params ServiceFileProblem[] problems) => new(null, null, null, 0, problems);

    private static ServiceFileProblem[] Problems(string path, TemplateResult result) =>
        result.Errors.Select(e => new ServiceFileProblem(path, e.Line, e.Column, German(e.Message))).ToArray();

    /// <summary>Scriban's message in German words where we know the case; otherwise its own text after a German lead.</summary>
    private static string German(string message) => message switch
    {
        _ when message.Contains("include", StringComparison.OrdinalIgnoreCase) => "„include“ ist in Vorlagen nicht erlaubt: eine Vorlage liest keine anderen Dateien.",
        _ when message.Contains("iteration", StringComparison.OrdinalIgnoreCase) || message.Contains("loop", StringComparison.OrdinalIgnoreCase) => "Die Schleife läuft zu oft (höchstens 10.000 Durchläufe).",
        _ when message.Contains("longer than", StringComparison.OrdinalIgnoreCase) => "Die Vorlage läuft zu lange (höchstens 2 Sekunden).",
        _ when message.Contains("recursi", StringComparison.OrdinalIgnoreCase) => "Die Vorlage ruft sich zu tief selbst auf.",
        _ when message.Contains("not found", StringComparison.OrdinalIgnoreCase) => $"Unbekannter Name in der Vorlage ({message}).",
        _ => $"Fehler in der Vorlage: {message}",
    };
}
