using System.Diagnostics;
using MimeKit;

namespace Sozialplattform.Delivery.Tests.Infrastructure;

/// <summary>
/// A real SMTP server on loopback: Debian's python3-aiosmtpd (installed by .ci/run) with its Maildir handler,
/// started as a child process. Without aiosmtpd the tests skip locally and fail on CI (CI=true).
/// </summary>
public sealed partial class SmtpTestServer : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _maildir;

    private SmtpTestServer(Process process, string maildir, int port)
    {
        _process = process;
        _maildir = maildir;
        Port = port;
    }

    public int Port { get; }

    /// <summary>Starts the server on <paramref name="port"/> (e.g. one a test has already configured), else on a free port.</summary>
    public static async Task<SmtpTestServer> StartAsync(int? port = null)
    {
        var python = FindPython();
        var maildir = Directory.CreateTempSubdirectory("sozial-maildir-").FullName;
        port ??= FreePort.Next();
        var start = new ProcessStartInfo(python) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { "-m", "aiosmtpd", "-n", "-l", $"127.0.0.1:{port}", "-c", "aiosmtpd.handlers.Mailbox", Path.Combine(maildir, "mail") })
            start.ArgumentList.Add(arg);
        var process = Process.Start(start)!;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await FreePort.WaitUntilListeningAsync(port.Value, () => !process.HasExited);
        return new SmtpTestServer(process, maildir, port.Value);
    }

    /// <summary>The messages that arrived, parsed, in the order the server received them.</summary>
    public IReadOnlyList<MimeMessage> Received()
    {
        var folder = Path.Combine(_maildir, "mail", "new");
        return Directory.Exists(folder) ? Directory.GetFiles(folder).OrderBy(ArrivalNumber).Select(f => MimeMessage.Load(f)).ToList() : [];
    }

    /// <summary>
    /// Python's Maildir names a file "{seconds}.M{microseconds}P{pid}Q{counter}.{host}" with unpadded numbers, so the
    /// names do not sort by time ("M50000" after "M123456" in the same second); the counter counts every mail of the
    /// one server process.
    /// </summary>
    internal static long ArrivalNumber(string path)
    {
        var match = MaildirName().Match(Path.GetFileName(path));
        if (!match.Success) throw new InvalidOperationException($"Not a Maildir file name of Python's mailbox module: {path}");
        return long.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^\d+\.M\d+P\d+Q(\d+)\.")]
    private static partial System.Text.RegularExpressions.Regex MaildirName();

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
        Directory.Delete(_maildir, recursive: true);
    }

    private static string FindPython()
    {
        string?[] candidates = [Environment.GetEnvironmentVariable("SOZIAL_TEST_PYTHON"), "/usr/bin/python3", "python3"];
        foreach (var candidate in candidates.OfType<string>())
        {
            try
            {
                using var probe = Process.Start(new ProcessStartInfo(candidate, "-c \"import aiosmtpd\"") { RedirectStandardError = true, RedirectStandardOutput = true });
                probe!.WaitForExit(10_000);
                if (probe.ExitCode == 0) return candidate;
            }
            catch (System.ComponentModel.Win32Exception)
            {
                // not installed; try the next
            }
        }

        const string message = "The e-mail tests need a real SMTP server: apt-get install python3-aiosmtpd (or set SOZIAL_TEST_PYTHON to a python with aiosmtpd).";
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase)) throw new InvalidOperationException(message);
        throw new SkipException(message);
    }
}
