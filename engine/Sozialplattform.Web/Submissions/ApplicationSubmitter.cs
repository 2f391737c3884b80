using Sozialplattform.Delivery.Routing;
using Sozialplattform.Storage.Submissions;
using Sozialplattform.Web.Drafts;
using Sozialplattform.Web.Hosting;
using Sozialplattform.Web.Wizard;

namespace Sozialplattform.Web.Submissions;

/// <summary>
/// The final submit, in this order: the server's full verdict on the draft's answers → routing for the chosen
/// place (plus the form's answer-based routing rules; a contact request to the destination chosen before it started) →
/// <see cref="SubmissionStore.AcceptAsync"/> with the idempotency key (submission, the uploads the answers refer to — those
/// of hidden fields are dropped —, the authority the PDF names and one outbox entry per authority in one transaction; the
/// draft is deleted with it). The German PDF for the authorities is rendered after the accept, once, before the first
/// delivery (<see cref="AuthorityPdf"/> through <see cref="Delivery.Outbox.FormPdfs"/>). A new submission whose answers
/// name an e-mail address gets its confirmation e-mail, from its version's templates (<see cref="SubmissionConfirmation"/>).
/// </summary>
public sealed class ApplicationSubmitter(SubmissionStore submissions, Router router, PortalOptions options, TimeProvider clock, Usage.UsageRecorder usage,
    SubmissionConfirmation? confirmation = null)
{
    public const string AuthorityLanguage = "de";

    public async Task<SubmitOutcome> SubmitAsync(Application application, string idempotencyKey, string lang, CancellationToken cancellationToken)
    {
        var engine = application.Engine;
        var definition = engine.Definition;
        if (FormJourney.IsQuestionnaire(definition)) return SubmitOutcome.Because(SubmitResult.NotSubmittable);
        var result = engine.Validate(application.Answers);
        if (!result.IsValid) return SubmitOutcome.Because(SubmitResult.Invalid);
        var place = application.Content.Place;
        RouteResult route;
        if (FormJourney.IsContactRequest(definition))
        {
            if (application.Content.Destination is not { } chosen) return SubmitOutcome.Because(SubmitResult.DestinationRefused);
            route = await router.RouteAsync(new RouteRequest(options.Tenant, definition.Id, null) { ChosenDestination = chosen.Key }, cancellationToken);
            if (!route.Success) return SubmitOutcome.Because(SubmitResult.DestinationRefused);
        }
        else
        {
            if (place is null) return SubmitOutcome.Because(SubmitResult.NoPlace);
            route = await router.RouteAsync(new RouteRequest(options.Tenant, definition.Id, place.PostalCode, place.Ars)
            {
                LeikaKeys = definition.Service.LeikaKeys,
                RuleDestinations = RuleDestination.FromEngine(engine.RoutingDestinations(application.Answers)),
                Answers = result.CleanAnswers,
            }, cancellationToken);
            if (!route.Success) return SubmitOutcome.Because(SubmitResult.NoAuthority);
        }

        var clean = result.CleanAnswers;
        var now = clock.GetUtcNow();
        var reference = ReferenceNumbers.New(now.UtcDateTime);
        var authority = route.Destinations[0].Authority;
        var accepted = await submissions.AcceptAsync(new NewSubmission
        {
            TenantId = options.Tenant,
            FormId = definition.Id,
            FormVersion = definition.Version,
            ContentHash = definition.ContentHash,
            FormTitle = definition.Title.Get(AuthorityLanguage),
            LeikaKey = definition.Service.LeikaKeys.FirstOrDefault(),
            Language = lang,
            AnswersJson = clean.ToJsonString(),
            ReferenceNumber = reference,
            IdempotencyKey = idempotencyKey,
            PostalCode = place?.PostalCode,
            Kreisschluessel = route.Kreisschluessel,
            ApplicantEmail = Inbox.Notifications.ApplicantEmail.From(definition, clean),
            SubmittedAt = now,
            PdfAuthority = new PdfAuthority(authority.Name, authority.Address.Split('\n')),
            DraftId = application.DraftId,
            DraftUploads = application.Form.HasFileFields ? DraftUploads.Only(AttachmentUploads.ReferencedIds(clean)) : DraftUploads.None,
            OwnerPseudonym = application.Content.Owner,
            Prefilled = application.Content.Prefilled,
        }, route.Destinations.Select(d => new Destination(d.Authority.Id, d.Authority.ChannelType)).ToList(), cancellationToken);
        if (accepted.Created)
        {
            usage.Submitted(definition);
            if (confirmation is not null)
                await confirmation.QueueAsync(options.Tenant, accepted.Submission.Id, Inbox.Notifications.ApplicantEmail.From(definition, clean), definition.Id, definition.Version,
                    lang, reference, now, authority.Name, authority.Address.Split('\n'), clean, cancellationToken);
        }
        return new SubmitOutcome(SubmitResult.Accepted, accepted);
    }
}
