using NewsReader.Testing;

namespace NewsReader.Data.Tests;

/// <summary>A test of what only SQLite does (its journal mode, say): skipped when the data tests run on PostgreSQL.</summary>
public sealed class SqliteFactAttribute : FactAttribute
{
    public SqliteFactAttribute()
    {
        if (TestServer.IsPostgreSql)
        {
            Skip = "SQLite only; this run is on PostgreSQL.";
        }
    }
}

/// <summary>A test of what only PostgreSQL does (instances sharing a server, say): skipped when the data tests run on SQLite.</summary>
public sealed class PostgreSqlFactAttribute : FactAttribute
{
    public PostgreSqlFactAttribute()
    {
        if (!TestServer.IsPostgreSql)
        {
            Skip = "PostgreSQL only; this run is on SQLite.";
        }
    }
}
