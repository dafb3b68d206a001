using NewsReader.Core.Search;
using NewsReader.Data.Search;
using Npgsql;

namespace NewsReader.Data.Providers.PostgreSql;

/// <summary>Two commands on the terms index, on the search's open connection.</summary>
internal sealed class PostgreSqlTermReader : ITermReader
{
    private readonly NpgsqlCommand count;
    private readonly NpgsqlCommand read;

    public PostgreSqlTermReader(NpgsqlConnection connection)
    {
        count = new NpgsqlCommand("""SELECT COUNT(*)::int FROM "ArticleTerms" WHERE "Terms" @@ @terms::tsquery""", connection);
        count.Parameters.Add(new NpgsqlParameter<string>("terms", ""));

        // The matches are gathered by the GIN index first, then ordered: left to itself, the planner walks the primary key
        // from the newest article and tests every row's terms, which for a rare term (a level of a phrase) means most of
        // a million rows (23 s for "حليب الاطفال"). LIMIT NULL is no limit.
        read = new NpgsqlCommand(
            """
            WITH matches AS MATERIALIZED (SELECT "ArticleId" FROM "ArticleTerms" WHERE "Terms" @@ @terms::tsquery)
            SELECT "ArticleId" FROM matches ORDER BY "ArticleId" DESC LIMIT @take OFFSET @skip
            """, connection);
        read.Parameters.Add(new NpgsqlParameter<string>("terms", ""));
        read.Parameters.Add(new NpgsqlParameter("take", NpgsqlTypes.NpgsqlDbType.Integer));
        read.Parameters.Add(new NpgsqlParameter<int>("skip", 0));
    }

    public async Task<int> CountAsync(TermQuery query, CancellationToken cancellationToken)
    {
        if (query.IsEmpty)
        {
            return 0;
        }

        count.Parameters[0].Value = TsText.Query(query);
        return (int)(await count.ExecuteScalarAsync(cancellationToken))!;
    }

    public async Task<List<int>> NewestAsync(TermQuery query, int take, int skip, CancellationToken cancellationToken)
    {
        if (query.IsEmpty)
        {
            return [];
        }

        read.Parameters[0].Value = TsText.Query(query);
        read.Parameters[1].Value = take < 0 ? DBNull.Value : take;
        read.Parameters[2].Value = skip;
        return await read.ReadIdsAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await count.DisposeAsync();
        await read.DisposeAsync();
    }
}
