using System.Text.Json.Nodes;
using Sozialplattform.Engine;
using Sozialplattform.Web.Catalog;

namespace Sozialplattform.Web.Drafts;

/// <summary>An open application: the draft (id and secret), its pinned form version and what it holds.</summary>
public sealed class Application(Guid draftId, string secret, CatalogForm form, DraftContent content)
{
    public Guid DraftId { get; } = draftId;
    public string Secret { get; } = secret;
    public CatalogForm Form { get; } = form;
    public FormEngine Engine => Form.Engine;
    public DraftContent Content { get; } = content;
    public JsonObject Answers => Content.Answers;

    /// <summary>When the draft was last saved (null for one just started): the usage figures' time on a page.</summary>
    public DateTime? SavedAt { get; init; }
}

/// <summary>Why an application cannot be opened; each has its own page text.</summary>
public enum ApplicationProblem
{
    None,

    /// <summary>Unknown draft, wrong or missing secret (the same answer for both).</summary>
    NotFound,

    /// <summary>The form version of the draft is no longer in the catalog.</summary>
    FormMissing,

    /// <summary>The file of the pinned version changed since the draft was started (content hash differs).</summary>
    FormChanged,

    /// <summary>The catalog has the service, but this portal's tenant does not offer it (<c>services</c> in tenant.json).</summary>
    NotOfferedHere,
}
