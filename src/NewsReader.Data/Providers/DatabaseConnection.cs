namespace NewsReader.Data.Providers;

/// <summary>The database the app runs on: its provider and its connection string.</summary>
public sealed record DatabaseConnection(DatabaseProvider Provider, string ConnectionString);
