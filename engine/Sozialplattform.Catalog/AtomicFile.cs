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

    /// <summary>Writes a file that must not exist yet (a published version); false when it does.</summary>
    public static bool CreateNew(string path, ReadOnlySpan<byte> content)
    {
        var temporary = WriteTemporary(path, content);
        try
        {
            File.Move(temporary, path, overwrite: false);
            return true;
        }
        catch (IOException) when (File.Exists(path))
        {
            File.Delete(temporary);
            return false;
        }
    }

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
