using System.Diagnostics;
using Sozialplattform.Storage.Database;
using Sozialplattform.Web.Tests.Infrastructure;

namespace Sozialplattform.Web.Tests.Hosting;

/// <summary>A data folder the portal cannot write ends the start with a message that names the folder, not an unhandled SqliteException.</summary>
public sealed class ReadOnlyDataFolderTests
{
    [SkippableFact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void Starting_on_a_read_only_data_folder_fails_with_a_message_naming_the_folder()
    {
        Skip.If(OperatingSystem.IsWindows(), "Unix file modes");
        using var portal = new PortalFactory();
        Directory.CreateDirectory(portal.Folders.Data);
        using var readOnly = ReadOnlyFolder.Make(portal.Folders.Data);
        Skip.If(readOnly is null, "this machine cannot make a folder read-only for the test's user (root without chattr)");

        var error = Should.Throw<StorageConfigurationException>(() => portal.CreateClient());

        error.Message.ShouldStartWith($"The data folder '{portal.Folders.Data}' cannot be written:");
        error.Message.ShouldContain("Sozialplattform:Storage:DataDirectory");
    }

    /// <summary>chmod 555, and where that does not stop the user (root) the immutable attribute; undone on dispose.</summary>
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    private sealed class ReadOnlyFolder(string path, bool immutable) : IDisposable
    {
        public static ReadOnlyFolder? Make(string path)
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
            if (!CanWrite(path)) return new ReadOnlyFolder(path, immutable: false);
            if (Run("chattr", "+i", path) && !CanWrite(path)) return new ReadOnlyFolder(path, immutable: true);
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            return null;
        }

        public void Dispose()
        {
            if (immutable) Run("chattr", "-i", path);
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        private static bool CanWrite(string path)
        {
            var probe = Path.Combine(path, ".probe");
            try
            {
                File.WriteAllText(probe, "");
                File.Delete(probe);
                return true;
            }
            catch (Exception error) when (error is IOException or UnauthorizedAccessException)
            {
                return false;
            }
        }

        private static bool Run(string command, params string[] arguments)
        {
            try
            {
                using var process = Process.Start(new ProcessStartInfo(command, arguments) { RedirectStandardError = true, RedirectStandardOutput = true })!;
                process.WaitForExit();
                return process.ExitCode == 0;
            }
            catch (System.ComponentModel.Win32Exception)
            {
                return false;
            }
        }
    }
}
