using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Sozialplattform.CrashTests;

/// <summary>
/// Debian's nginx as a round-robin load balancer in front of the hosts — no sticky sessions, so a browser's requests go to
/// the hosts in turn. Its own prefix folder (configuration, logs, temporary files); the access log names the host that
/// answered each request (<c>$upstream_addr</c>). docs/DEPLOYMENT.md shows the same configuration.
/// </summary>
public sealed class NginxBalancer : IDisposable
{
    public const string Executable = "/usr/sbin/nginx";
    private readonly Process _process;
    private readonly string _folder;

    private NginxBalancer(Process process, string folder, string baseUrl)
    {
        _process = process;
        _folder = folder;
        BaseUrl = baseUrl;
    }

    public string BaseUrl { get; }
    public string AccessLog => Path.Combine(_folder, "access.log");

    public static NginxBalancer Start(string folder, IEnumerable<string> hostUrls)
    {
        if (!File.Exists(Executable))
        {
            var missing = $"nginx is not installed at {Executable} (apt-get install -y nginx-light).";
            if (Environment.GetEnvironmentVariable("CI") == "true") throw new InvalidOperationException(missing);
            throw new Xunit.SkipException(missing);
        }

        Directory.CreateDirectory(folder);
        var port = FreePort();
        var upstreams = string.Join("\n", hostUrls.Select(url => $"        server {new Uri(url).Authority} max_fails=1 fail_timeout=2s;"));
        var user = Environment.UserName == "root" ? "user root;\n" : "";
        File.WriteAllText(Path.Combine(folder, "nginx.conf"), $$"""
            {{user}}worker_processes 1;
            error_log {{folder}}/error.log warn;
            pid {{folder}}/nginx.pid;
            events { worker_connections 512; }
            http {
                log_format upstream '$request_method $uri $status $upstream_addr';
                # The designer's circuit is a WebSocket: pass the upgrade on; other requests keep the upstream keepalive.
                map $http_upgrade $connection_upgrade {
                    default upgrade;
                    ''      '';
                }
                access_log {{folder}}/access.log upstream;
                client_body_temp_path {{folder}}/body;
                proxy_temp_path {{folder}}/proxy;
                fastcgi_temp_path {{folder}}/fastcgi;
                uwsgi_temp_path {{folder}}/uwsgi;
                scgi_temp_path {{folder}}/scgi;

                # Round robin, no sticky sessions: every host can serve every request (shared key ring, database).
                upstream sozialplattform {
            {{upstreams}}
                    keepalive 16;
                }

                server {
                    listen 127.0.0.1:{{port}};
                    client_max_body_size 30m;
                    location / {
                        proxy_pass http://sozialplattform;
                        proxy_http_version 1.1;
                        proxy_set_header Upgrade $http_upgrade;
                        proxy_set_header Connection $connection_upgrade;
                        proxy_set_header Host $http_host;
                        proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
                        proxy_set_header X-Forwarded-Proto $scheme;
                        # A request that failed on a dying host is repeated on the next only when that is safe:
                        # GET and HEAD (nginx never repeats a POST on its own; the client repeats the submit, which is idempotent).
                        proxy_next_upstream error timeout http_502 http_503;
                    }
                }
            }
            """);
        var start = new ProcessStartInfo(Executable) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in new[] { "-p", folder, "-c", Path.Combine(folder, "nginx.conf"), "-g", "daemon off;" }) start.ArgumentList.Add(argument);
        var process = Process.Start(start) ?? throw new InvalidOperationException("nginx did not start");
        return new NginxBalancer(process, folder, $"http://127.0.0.1:{port}");
    }

    /// <summary>Waits (bounded: 30 s) until nginx accepts connections; an nginx that exits fails with its error log.</summary>
    public async Task WaitUntilListeningAsync()
    {
        var port = new Uri(BaseUrl).Port;
        for (var i = 0; i < 120; i++)
        {
            if (_process.HasExited)
                throw new InvalidOperationException($"nginx exited with {_process.ExitCode}: {await _process.StandardError.ReadToEndAsync()} {ErrorLog()}");
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(250);
            }
        }

        throw new TimeoutException($"nginx did not listen within 30 s: {ErrorLog()}");
    }

    /// <summary>The lines of the access log: method, path, status and the address of the host that answered last (a request nginx repeated names both).</summary>
    public IReadOnlyList<(string Method, string Path, int Status, string Host)> Requests() =>
        File.Exists(AccessLog)
            ? [.. File.ReadAllLines(AccessLog).Select(line => line.Split(' ')).Where(p => p.Length >= 4).Select(p => (p[0], p[1], int.Parse(p[2], System.Globalization.CultureInfo.InvariantCulture), p[^1]))]
            : [];

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        _process.Dispose();
    }

    private string ErrorLog() => File.Exists(Path.Combine(_folder, "error.log")) ? File.ReadAllText(Path.Combine(_folder, "error.log")) : "";

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
