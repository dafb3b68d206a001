using Npgsql;

namespace NewsReader.Testing;

/// <summary>The database the data tests run on: SQLite files by default; with <c>NEWSREADER_TEST_PROVIDER=PostgreSQL</c>,
/// a database of its own per test on the throwaway server that tests/run-all.sh starts (<c>NEWSREADER_TEST_POSTGRES</c>).</summary>
public static class TestServer
{
    public static bool IsPostgreSql =>
        string.Equals(Environment.GetEnvironmentVariable("NEWSREADER_TEST_PROVIDER"), "PostgreSQL", StringComparison.OrdinalIgnoreCase);

    /// <summary>The server's connection string; set by tests/run-all.sh (tests/postgres-cluster.sh).</summary>
    public static string PostgreSql =>
        Environment.GetEnvironmentVariable("NEWSREADER_TEST_POSTGRES") is { Length: > 0 } server
            ? server
            : throw new InvalidOperationException(
                "NEWSREADER_TEST_POSTGRES is not set: run the tests with tests/run-all.sh, which starts a PostgreSQL server for them.");

    /// <summary>A connection string for a new database on the server (created by the app's start-up).</summary>
    public static string NewPostgreSqlDatabase(string prefix) =>
        new NpgsqlConnectionStringBuilder(PostgreSql) { Database = $"{prefix}_{Guid.NewGuid():N}" }.ConnectionString;

    /// <summary>Drops a test's database, whoever is still connected to it (from the server's maintenance database).</summary>
    public static async Task DropPostgreSqlDatabaseAsync(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database!;
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Database = "postgres", Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }
}
