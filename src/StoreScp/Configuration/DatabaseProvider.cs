namespace VoxDose.StoreScp.Configuration;

public enum DatabaseProvider
{
    Sqlite,
    PostgreSql,
}
