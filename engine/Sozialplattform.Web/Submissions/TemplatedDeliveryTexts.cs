using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Sozialplattform.Delivery.Channels;
using Sozialplattform.Documents.Templating;
using Sozialplattform.Engine.Documents;
using Sozialplattform.Web.Catalog;

namespace Sozialplattform.Web.Submissions;

/// <summary>
/// The text of an e-mail delivery to an authority from the template <c>email-authority</c> of the submission's own form
/// version (made in the designer) or an operator's override (<see cref="TemplateLocator"/>'s order), rendered on the whole
/// German document; the first line is the subject. Without such a template — only the built-in one — and for contact
/// requests and hand-ins it is <see cref="PlainDeliveryTextRenderer"/>'s text as before. A template that fails at runtime
/// (publishing refuses one that fails on the samples) falls back to the plain text, so a delivery never stops on it.
/// The delivery id closes every templated text, as in the plain one, so the receiver recognises a repeat.
/// </summary>
public sealed class TemplatedDeliveryTexts(TemplateRenderer templates, FormCatalog catalog, ILogger<TemplatedDeliveryTexts> log) : IDeliveryTextRenderer
{
    public const string Template = "email-authority";
    private static readonly PlainDeliveryTextRenderer Plain = new();

    public DeliveryText Render(DeliveryPackage package)
    {
        if (package.ChosenByApplicant || catalog.Find(package.FormId, package.FormVersion) is not { } form) return Plain.Render(package);
        var service = VersionTemplates.Of(catalog, package.FormId, package.FormVersion);
        var language = ApplicationSubmitter.AuthorityLanguage;
        if (templates.Find(Template, package.FormId, language, service) is not { } source || source.Origin.StartsWith("builtin:", StringComparison.Ordinal))
            return Plain.Render(package);

        var submittedAt = new DateTimeOffset(DateTime.SpecifyKind(package.SubmittedAt, DateTimeKind.Utc));
        var header = new DocumentHeader(package.ReferenceNumber, submittedAt, package.Authority.Name, package.Authority.Address);
        var document = form.Engine.BuildDocument(form.Engine.Validate(JsonNode.Parse(package.AnswersJson) as JsonObject ?? []), language, header);
        var result = templates.Render(source, document);
        if (!result.Succeeded)
        {
            log.LogWarning("The template {Origin} failed for {Reference}; the plain text is sent: {Errors}", source.Origin, package.ReferenceNumber, string.Join("; ", result.Errors));
            return Plain.Render(package);
        }

        var (subject, body) = TemplateText.Split(result.Text!);
        if (subject.Length == 0) subject = $"Antrag {package.ReferenceNumber}: {package.FormTitle}";
        return new DeliveryText(subject, $"{body.TrimEnd()}\n\nZustellungs-ID: {package.DeliveryId}\n");
    }
}
