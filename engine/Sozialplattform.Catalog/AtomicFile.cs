using System.Runtime.InteropServices;

namespace Sozialplattform.Catalog;

/// <summary>
/// Writes files so that a crash never leaves half a file: the content goes to a temporary file beside the target,
/// is flushed to disk, and then takes the target's name in one step.
/// </summary>
public static class AtomicFile
{
    public static void Replace(string path, ReadOnlySpan<byte> content)
    {
        var temporary = WriteTemporary(path, content);
        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>Writes a file that must not exist yet (a published version, a numbered sample); false when it does.</summary>
    public static bool CreateNew(string path, ReadOnlySpan<byte> content)
    {
        string? temporary = WriteTemporary(path, content);
        try
        {
            if (!OperatingSystem.IsWindows())
            {
                // link() fails with EEXIST when the name is taken: the check and the naming are one step. File.Move
                // without overwrite may check first and rename after, so of two writers racing for one name both "won".
                if (Link(temporary, path) == 0) return true;
                var error = Marshal.GetLastPInvokeError();
                if (error == ExistsErrno) return false;
                if (error is not (NotPermitted or CrossDevice or TooManyLinks or NoSystemCall or NotSupported))
                    throw new IOException($"{path}: cannot be created (errno {error}).");
            }

            // Windows (MoveFileEx without replacing is one step), or a file system without hard links.
            File.Move(temporary, path, overwrite: false);
            temporary = null;
            return true;
        }
        catch (IOException) when (File.Exists(path))
        {
            return false;
        }
        finally
        {
            if (temporary is not null) File.Delete(temporary);
        }
    }

    private const int NotPermitted = 1, ExistsErrno = 17, CrossDevice = 18, TooManyLinks = 31, NoSystemCall = 38, NotSupported = 95;

    [DllImport("libc", EntryPoint = "link", SetLastError = true)]
    private static extern int Link(string existing, string created);

    private static string WriteTemporary(string path, ReadOnlySpan<byte> content)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 4096, FileOptions.WriteThrough))
        {
            stream.Write(content);
            stream.Flush(flushToDisk: true);
        }

        return temporary;
    }
}
