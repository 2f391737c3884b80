using Sozialplattform.Engine;
using Sozialplattform.Engine.Definitions;

namespace Sozialplattform.Web.Catalog;

/// <summary>One loaded form version of the catalog: its engine and the catalog folder it came from.</summary>
public sealed record CatalogForm(FormEngine Engine, string CatalogRoot)
{
    public FormDefinition Definition => Engine.Definition;
    public string Id => Definition.Id;
    public string Version => Definition.Version;

    /// <summary>Whether the form has a file field, i.e. whether its drafts can have uploads.</summary>
    public bool HasFileFields { get; } = Engine.Definition.AllFields().Any(f => f.Type is Sozialplattform.Engine.Fields.FileFieldType);

    /// <summary>The folder of this version (<c>forms/&lt;id&gt;/&lt;version&gt;</c>): form.json and the files declared beside it (letters, checklist).</summary>
    public string Folder => Path.Combine(CatalogRoot, "forms", Id, Version);
}
