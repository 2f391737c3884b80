using Sozialplattform.Engine.Definitions;

namespace Sozialplattform.Web.Catalog;

/// <summary>A topic of the home page (from a catalog's <c>catalog.json</c>).</summary>
public sealed record Topic(string Id, LocalizedText Title, LocalizedText Description);
