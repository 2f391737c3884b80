using Microsoft.AspNetCore.Http;
using Sozialplattform.Storage.Submissions;
using Sozialplattform.Web.Catalog;
using Sozialplattform.Web.Hosting;

namespace Sozialplattform.Web.Drafts;

/// <summary>
/// Opens, starts and saves applications: a draft pinned to id@version and content hash, found only with its
/// secret. A draft whose form file no longer has the hash it was started with is refused, never silently
/// continued on a different form. A draft past its retention is not found, also before the sweep deletes it.
/// </summary>
public sealed class ApplicationStore(DraftStore drafts, FormCatalog catalog, PortalOptions options, TimeProvider clock, Usage.UsageRecorder usage)
{
    public async Task<Application> StartAsync(HttpContext http, CatalogForm form, ChosenDestination? destination = null)
    {
        var content = new DraftContent { Answers = Wizard.InitialAnswers.For(form.Definition.Root), Destination = destination };
        var (id, secret) = await drafts.CreateAsync(options.Tenant, form.Id, form.Version, form.Definition.ContentHash, content.ToJson(), http.RequestAborted);
        DraftCookies.Remember(http, id, secret);
        var application = new Application(id, secret, form, content) { SavedAt = clock.GetUtcNow().UtcDateTime };
        usage.Started(application);
        return application;
    }

    /// <summary>Opens the draft with the secret from the browser's cookie.</summary>
    public Task<(Application? Application, ApplicationProblem Problem)> OpenAsync(HttpContext http, Guid draftId) =>
        DraftCookies.Secret(http, draftId) is { } secret
            ? OpenAsync(draftId, secret, http.RequestAborted)
            : Task.FromResult<(Application?, ApplicationProblem)>((null, ApplicationProblem.NotFound));

    public async Task<(Application? Application, ApplicationProblem Problem)> OpenAsync(Guid draftId, string secret, CancellationToken cancellationToken)
    {
        var loaded = await drafts.LoadAsync(draftId, secret, cancellationToken);
        if (loaded is not { } found || IsExpired(found.Draft.UpdatedAt)) return (null, ApplicationProblem.NotFound);
        var form = catalog.Find(found.Draft.FormId, found.Draft.FormVersion);
        if (form is null) return (null, ApplicationProblem.FormMissing);
        if (form.Definition.ContentHash != found.Draft.ContentHash) return (null, ApplicationProblem.FormChanged);
        return (new Application(draftId, secret, form, DraftContent.FromJson(found.AnswersJson)) { SavedAt = found.Draft.UpdatedAt }, ApplicationProblem.None);
    }

    /// <summary>Drafts last changed before this moment are deleted (see <see cref="DraftRetentionService"/>).</summary>
    public DateTime RetentionCutoff => clock.GetUtcNow().UtcDateTime.AddDays(-options.DraftRetentionDays);

    private bool IsExpired(DateTime updatedAt) => updatedAt < RetentionCutoff;

    /// <summary>
    /// Stores the application's content, or says why not: larger than <see cref="PortalOptions.MaxDraftBytes"/> (nothing
    /// is written), or the storage cannot take writes (disk full, read-only); the draft keeps its last saved state.
    /// </summary>
    public async Task<SaveProblem> SaveAsync(Application application, CancellationToken cancellationToken)
    {
        var json = application.Content.ToJson();
        if (System.Text.Encoding.UTF8.GetByteCount(json) > options.MaxDraftBytes) return SaveProblem.TooLarge;
        try
        {
            await drafts.SaveAsync(application.DraftId, application.Secret, json, application.Content.Owner, cancellationToken);
            return SaveProblem.None;
        }
        catch (Exception error) when (StorageFailures.IsUnavailable(error))
        {
            return SaveProblem.StorageUnavailable;
        }
    }
}

/// <summary>Why a draft was not saved; the page says so and keeps the citizen's input in the form.</summary>
public enum SaveProblem
{
    None,
    TooLarge,
    StorageUnavailable,
}
