namespace Sozialplattform.Engine.Definitions;

/// <summary>
/// What a field may take from the signed-in citizen's account (<c>"prefill": "identity.&lt;name&gt;"</c>): the attributes
/// BundID and the Servicekonten deliver. The address goes only into an address field, the others only into other fields.
/// </summary>
public static class IdentityAttributes
{
    public const string Prefix = "identity.";
    public const string Address = "address";

    public static readonly IReadOnlyList<string> Names = ["given_name", "family_name", "birthdate", "place_of_birth", "email", Address];

    /// <summary>
    /// Null when <paramref name="prefill"/> names a known attribute that fits the field type, else what is wrong: the
    /// problem key (<see cref="DefinitionProblemCodes"/>), its arguments after the field key, and the English message.
    /// </summary>
    public static (string Key, IReadOnlyList<string> Arguments, string Message)? Check(string prefill, string fieldType)
    {
        var name = prefill.StartsWith(Prefix, StringComparison.Ordinal) ? prefill[Prefix.Length..] : null;
        if (name is null || !Names.Contains(name))
        {
            var known = string.Join(", ", Names.Select(n => Prefix + n));
            return (DefinitionProblemCodes.PrefillUnknown, [prefill, known], $"'prefill' is '{prefill}'; it must name an identity attribute: {known}");
        }

        if ((name == Address) != (fieldType == "address"))
            return name == Address
                ? (DefinitionProblemCodes.PrefillAddressOnly, [], "'identity.address' fills only a field of type 'address'")
                : (DefinitionProblemCodes.PrefillNotAddress, [prefill], $"'{prefill}' cannot fill a field of type 'address'; use 'identity.address'");
        return null;
    }
}
