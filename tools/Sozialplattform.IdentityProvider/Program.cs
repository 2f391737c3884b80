namespace Sozialplattform.IdentityProvider;

/// <summary><c>dotnet run --project tools/Sozialplattform.IdentityProvider</c> beside the portal (docs/IDENTITY.md); settings in section <c>IdentityProvider</c>.</summary>
public static class ProviderProgram
{
    public static void Main(string[] args)
    {
        var configuration = new ConfigurationBuilder().AddEnvironmentVariables().AddCommandLine(args).Build();
        var options = configuration.GetSection(LocalProviderOptions.Section).Get<LocalProviderOptions>() ?? new LocalProviderOptions();
        LocalProvider.Build(options, args).Run();
    }
}
