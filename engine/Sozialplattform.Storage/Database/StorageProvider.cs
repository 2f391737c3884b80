namespace Sozialplattform.Storage.Database;

public enum StorageProvider
{
    Sqlite,
    Postgres,
}
