namespace Sozialplattform.Web.Tests.Infrastructure;

/// <summary>A temporary postal-code file in the GeoNames layout the portal reads, with the given data lines; deleted on dispose.</summary>
public sealed class PostalCodeFile : IDisposable
{
    public const string Header = "country_code,zipcode,place,state,state_code,province,province_code,community,community_code,latitude,longitude";

    /// <summary>Borken (Kreis Borken, 05554), the place the portal's hints name.</summary>
    public const string Borken = "DE,46325,Borken,Nordrhein-Westfalen,NW,Regierungsbezirk Münster,055,Kreis Borken,05554,51.8439,6.8582";

    public PostalCodeFile(params string[] lines) =>
        File.WriteAllText(Path, string.Join('\n', [Header, .. lines]) + "\n");

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"zipcodes-{Guid.NewGuid():N}.csv");

    public void Dispose() => File.Delete(Path);
}
