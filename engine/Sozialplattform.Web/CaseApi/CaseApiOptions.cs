using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace Sozialplattform.Web.CaseApi;

/// <summary>
/// The case API's settings (section <c>Sozialplattform:Api</c>): requests per client and minute, the access tokens'
/// lifetime, the token keys (PEM files; without them the host keeps generated ones in its data folder) and whether the
/// token endpoint insists on HTTPS (everywhere but in Development; behind a TLS-terminating proxy the proxy's forwarded scheme counts).
/// </summary>
public sealed record CaseApiOptions
{
    public const string Section = "Sozialplattform:Api";

    public int RequestsPerMinute { get; init; } = 120;
    public TimeSpan AccessTokenLifetime { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>RSA private key (PEM) that signs the access tokens.</summary>
    public string? SigningKeyFile { get; init; }

    /// <summary>256-bit key (base64) that encrypts the access tokens, so that only this platform reads them.</summary>
    public string? EncryptionKeyFile { get; init; }

    public bool RequireHttps { get; init; } = true;

    public static CaseApiOptions Read(IConfiguration configuration, IHostEnvironment environment)
    {
        var section = configuration.GetSection(Section);
        var options = section.Get<CaseApiOptions>() ?? new CaseApiOptions();
        if (section[nameof(RequireHttps)] is null && environment.IsDevelopment()) options = options with { RequireHttps = false };
        if (options.RequestsPerMinute < 1 || options.AccessTokenLifetime <= TimeSpan.Zero)
            throw new InvalidOperationException($"{Section}: {nameof(RequestsPerMinute)} and {nameof(AccessTokenLifetime)} must be positive.");
        return options;
    }
}
