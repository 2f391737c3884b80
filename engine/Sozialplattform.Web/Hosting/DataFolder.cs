using Microsoft.Data.Sqlite;
using Sozialplattform.Storage.Database;

namespace Sozialplattform.Web.Hosting;

/// <summary>
/// Opens the database at start-up. A data folder the portal cannot write (read-only, no permission, full) ends the
/// start with one clear message naming the folder and the setting, instead of an unhandled storage exception.
/// </summary>
public static class DataFolder
{
    public static SozialDatabase OpenDatabase(StorageOptions storage)
    {
        try
        {
            return SozialDatabase.OpenAsync(storage).GetAwaiter().GetResult();
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException
                                      || error is SqliteException && storage.Provider == StorageProvider.Sqlite)
        {
            throw CannotWrite(storage, error);
        }
    }

    /// <summary>A start-up step that writes into the data folder (e.g. the token server's generated keys): a folder it cannot write gives the same message.</summary>
    public static T Writing<T>(StorageOptions storage, Func<T> step)
    {
        try
        {
            return step();
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            throw CannotWrite(storage, error);
        }
    }

    private static StorageConfigurationException CannotWrite(StorageOptions storage, Exception error) => new(
        $"The data folder '{Path.GetFullPath(storage.DataDirectory)}' cannot be written: {error.Message} " +
        "The portal keeps its key files (and with SQLite its database) there. Give the portal's user write access to the folder, " +
        "free space on its disk, or set Sozialplattform:Storage:DataDirectory to another folder.");
}
