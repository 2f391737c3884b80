namespace Sozialplattform.Web.Places;

/// <summary>The place services a page needs, injected together.</summary>
public sealed record PlaceDirectoryAccess(PlaceDirectory Directory, PlaceSelection Selection);
