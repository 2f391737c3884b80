using System.Diagnostics;
using Sozialplattform.Delivery.Tests.Infrastructure;

namespace Sozialplattform.Counselling.Tests.Infrastructure;

/// <summary>
/// Debian's redis-server on 127.0.0.1 and a free port, in a temporary folder, without persistence; stopped at the end.
/// Without redis-server the tests skip locally and fail on CI (<c>CI=true</c>; .ci/run installs it).
/// </summary>
public sealed class RedisServer : IAsyncLifetime
{
    private const string Executable = "/usr/bin/redis-server";
    private readonly string _folder = Directory.CreateTempSubdirectory("sozial-redis-").FullName;
    private Process? _process;

    /// <summary>The connection string the platform's <c>Sozialplattform:Redis</c> setting takes.</summary>
    public string Configuration { get; private set; } = "";

    public static void Require()
    {
        if (File.Exists(Executable)) return;
        if (Environment.GetEnvironmentVariable("CI") == "true") throw new InvalidOperationException($"CI=true but {Executable} is missing: .ci/run installs redis-server.");
        throw new SkipException($"{Executable} is not installed (apt-get install -y redis-server).");
    }

    public async Task InitializeAsync()
    {
        if (!File.Exists(Executable)) return;
        var port = FreePort.Next();
        _process = Process.Start(new ProcessStartInfo(Executable, ["--port", port.ToString(), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", _folder])
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        })!;
        _process.OutputDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        await FreePort.WaitUntilListeningAsync(port, () => !_process.HasExited);
        Configuration = $"127.0.0.1:{port}";
    }

    public async Task DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process?.Dispose();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }
}
