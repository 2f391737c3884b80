namespace Sozialplattform.Counselling;

/// <summary>A refused input as data: the field, a code and its arguments; the web turns it into text per language.</summary>
public sealed record CounsellingError(string Field, string Code, params object[] Args);
