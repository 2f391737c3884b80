namespace Sozialplattform.Counselling.Conversations;

/// <summary>
/// The checks of what a participant passes on to the other side of a call: a session description (SDP) of an offer or an
/// answer, or an ICE candidate. They are relayed untouched, so only plain text of their own shape passes: printable ASCII
/// lines of the form <c>x=…</c>, never markup, within sizes a browser's description stays far below.
/// </summary>
public static class VideoSignal
{
    /// <summary>A browser's offer with audio, video and its candidates is 3–8 KB; SignalR refuses any message above 32 KB anyway.</summary>
    public const int MaxDescriptionLength = 20_000;
    public const int MaxCandidateLength = 1_000;
    public const int MaxMidLength = 32;

    public static CounsellingError? Description(string? sdp)
    {
        if (string.IsNullOrEmpty(sdp)) return Error("videoDescriptionMalformed");
        if (sdp.Length > MaxDescriptionLength) return Error("videoDescriptionTooLarge", MaxDescriptionLength / 1000);
        if (!sdp.StartsWith("v=0", StringComparison.Ordinal) || !PlainText(sdp, allowLineBreaks: true)) return Error("videoDescriptionMalformed");
        foreach (var line in sdp.Split('\n'))
        {
            var content = line.TrimEnd('\r');
            if (content.Length == 0) continue;
            if (content.Length < 2 || content[1] != '=' || content[0] is < 'a' or > 'z') return Error("videoDescriptionMalformed");
        }

        return null;
    }

    /// <summary>A candidate line (<c>candidate:…</c>; empty: the end of candidates) with its media's id and index.</summary>
    public static CounsellingError? Candidate(string? candidate, string? mid, int? lineIndex)
    {
        if (candidate is null || candidate.Length > MaxCandidateLength || mid is { Length: > MaxMidLength } || lineIndex is < 0 or > 64) return Error("videoCandidateMalformed");
        if (candidate.Length > 0 && (!candidate.StartsWith("candidate:", StringComparison.Ordinal) || !PlainText(candidate, allowLineBreaks: false)))
            return Error("videoCandidateMalformed");
        return mid is null || mid.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.') ? null : Error("videoCandidateMalformed");
    }

    private static bool PlainText(string text, bool allowLineBreaks) =>
        text.All(c => c is >= ' ' and <= '~' and not '<' and not '>' and not '"' and not '\'' and not '`' || allowLineBreaks && c is '\r' or '\n');

    private static CounsellingError Error(string code, params object[] args) => new("video", code, args);
}
