using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;
using NewsReader.Core.Search;
using NewsReader.Data.Search;

namespace NewsReader.Data.Providers.Sqlite;

/// <summary>Two commands on the terms index, prepared once on the search's open connection.</summary>
internal sealed class SqliteTermReader : ITermReader
{
    private readonly DbCommand count;
    private readonly DbCommand read;
    private readonly SqliteParameter countTerm = new("$term", "");
    private readonly SqliteParameter readTerm = new("$term", "");
    private readonly SqliteParameter readTake = new("$take", -1);
    private readonly SqliteParameter readSkip = new("$skip", 0);

    public SqliteTermReader(DbConnection connection)
    {
        count = connection.CreateCommand();
        count.CommandText = "SELECT COUNT(*) FROM ArticleTerms WHERE ArticleTerms MATCH $term";
        count.Parameters.Add(countTerm);
        read = connection.CreateCommand();
        read.CommandText = "SELECT rowid FROM ArticleTerms WHERE ArticleTerms MATCH $term ORDER BY rowid DESC LIMIT $take OFFSET $skip";
        read.Parameters.AddRange(new[] { readTerm, readTake, readSkip });
    }

    public async Task<int> CountAsync(TermQuery query, CancellationToken cancellationToken)
    {
        if (query.IsEmpty)
        {
            return 0;
        }

        countTerm.Value = Fts5Query.Of(query);
        return Convert.ToInt32(await count.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
    }

    public async Task<List<int>> NewestAsync(TermQuery query, int take, int skip, CancellationToken cancellationToken)
    {
        if (query.IsEmpty)
        {
            return [];
        }

        (readTerm.Value, readTake.Value, readSkip.Value) = (Fts5Query.Of(query), take, skip);
        return await read.ReadIdsAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await count.DisposeAsync();
        await read.DisposeAsync();
    }
}
