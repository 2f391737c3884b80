using Sozialplattform.IdentityProvider;

// dotnet run --project tools/Sozialplattform.IdentityProvider — beside the portal (docs/IDENTITY.md); settings in section IdentityProvider.
var configuration = new ConfigurationBuilder().AddEnvironmentVariables().AddCommandLine(args).Build();
var options = configuration.GetSection(LocalProviderOptions.Section).Get<LocalProviderOptions>() ?? new LocalProviderOptions();
var app = LocalProvider.Build(options, args);
app.Run();
