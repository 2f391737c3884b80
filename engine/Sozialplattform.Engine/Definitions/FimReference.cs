namespace Sozialplattform.Engine.Definitions;

/// <summary>The FIM element (XDatenfelder id and version) a form, block or element was derived from.</summary>
public sealed record FimReference(string Id, string? Version);

/// <summary>A note for form authors (e.g. a FIM rule's natural-language text); never shown to citizens.</summary>
public sealed record AuthorNote(string Text, string? Source, FimReference? Fim);

/// <summary>Sources of author notes that more than one part of the platform reads.</summary>
public static class AuthorNoteSources
{
    /// <summary>
    /// A FIM select whose code list was not available at import (the note's <c>fim</c> names the list): a text field until
    /// the list is supplied. Supplying it changes the answer's shape, so such a form is not published (lint and designer).
    /// </summary>
    public const string MissingFimCodeList = "fim:codelisteReferenz";
}
