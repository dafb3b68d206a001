using System.Data.Common;

namespace NewsReader.Data.Providers;

internal static class IdReading
{
    /// <summary>Runs a prepared command whose rows are article ids, in the order it gives them.</summary>
    public static async Task<List<int>> ReadIdsAsync(this DbCommand command, CancellationToken cancellationToken)
    {
        var ids = new List<int>();
        await using var rows = await command.ExecuteReaderAsync(cancellationToken);
        while (await rows.ReadAsync(cancellationToken))
        {
            ids.Add(rows.GetInt32(0));
        }

        return ids;
    }
}
