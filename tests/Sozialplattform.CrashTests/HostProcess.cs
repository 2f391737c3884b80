using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Reflection;
using Sozialplattform.Web.Tests.Infrastructure;

namespace Sozialplattform.CrashTests;

/// <summary>
/// The real web host as a separate process — <c>dotnet Sozialplattform.Web.dll</c> from its own build output — with
/// its settings as environment variables and its output in a log file. <see cref="Kill"/> is SIGKILL: no shutdown,
/// no flushing, exactly like a power cut for the process (the operating system keeps what was written).
/// </summary>
public sealed class HostProcess : IDisposable
{
    private readonly Process _process;
    private readonly string _log;

    private HostProcess(Process process, string log, string baseUrl)
    {
        _process = process;
        _log = log;
        BaseUrl = baseUrl;
    }

    public string BaseUrl { get; }

    public static string HostAssembly
    {
        get
        {
            var configuration = typeof(HostProcess).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
            return Path.Combine(RepositoryPaths.Root, "engine", "Sozialplattform.Web", "bin", configuration, "net10.0", "Sozialplattform.Web.dll");
        }
    }

    /// <summary>Starts the host on <paramref name="baseUrl"/> (a restart on the same address, as a load balancer knows it) or a free port.</summary>
    public static HostProcess Start(IReadOnlyDictionary<string, string> settings, string log, string? baseUrl = null)
    {
        baseUrl ??= $"http://127.0.0.1:{FreePort()}";
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = RepositoryPaths.Root, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(HostAssembly);
        start.Environment["ASPNETCORE_URLS"] = baseUrl;
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information";
        foreach (var (name, value) in settings) start.Environment[name.Replace(":", "__", StringComparison.Ordinal)] = value;
        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        process.OutputDataReceived += (_, e) => Append(log, e.Data);
        process.ErrorDataReceived += (_, e) => Append(log, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new HostProcess(process, log, baseUrl);
    }

    /// <summary>
    /// Waits until the portal answers its start page; a host that exits fails with its log. The ceiling (3 minutes) is for
    /// a loaded machine, where the first page of a fresh process (JIT, migrations, the catalog) can take long — a slow
    /// answer is waited for, not taken as a failure; a quiet machine never comes near it.
    /// </summary>
    public async Task WaitUntilReadyAsync()
    {
        var ceiling = TimeSpan.FromMinutes(3);
        var waited = Stopwatch.StartNew();
        using var http = new HttpClient { Timeout = ceiling };
        while (waited.Elapsed < ceiling)
        {
            if (_process.HasExited) throw new InvalidOperationException($"The host exited with {_process.ExitCode}:\n{File.ReadAllText(_log)}");
            try
            {
                if ((await http.GetAsync($"{BaseUrl}/de")).StatusCode == HttpStatusCode.OK) return;
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }
            catch (TaskCanceledException) when (waited.Elapsed < ceiling)
            {
                // a very slow first answer on a loaded machine: ask again
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"The host did not answer within {ceiling.TotalMinutes} minutes:\n{File.ReadAllText(_log)}");
    }

    /// <summary>SIGKILL, then waits until the process is gone.</summary>
    public void Kill()
    {
        if (_process.HasExited) return;
        _process.Kill(entireProcessTree: false);
        _process.WaitForExit();
    }

    public void Dispose()
    {
        Kill();
        _process.Dispose();
    }

    private static void Append(string log, string? line)
    {
        if (line is null) return;
        lock (typeof(HostProcess)) File.AppendAllText(log, line + Environment.NewLine);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
