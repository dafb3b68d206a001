using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace NewsReader.Data;

/// <summary>Inserts new rows of one entity type through one command, without the change tracker: EF sends each new
/// row through its update pipeline, about 200 µs a row on SQLite, which a gazetteer of thousands of entities pays at
/// every import, and a new store at its first start (docs/performance.md). Columns, converters and parameter types
/// come from the model, so a row is stored as EF would store it. Within the context's transaction.</summary>
internal sealed class ModelRows<T> : IAsyncDisposable
    where T : class
{
    private readonly DbCommand command;
    private readonly (IProperty Property, ValueConverter? Converter, DbParameter Parameter)[] columns;
    private readonly IProperty? generated;

    public ModelRows(NewsReaderDbContext db)
    {
        var type = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");
        var table = StoreObjectIdentifier.Table(type.GetTableName()!, type.GetSchema());
        var sql = db.GetService<ISqlGenerationHelper>();
        generated = type.FindPrimaryKey()?.Properties is [{ ValueGenerated: ValueGenerated.OnAdd } key] ? key : null;
        command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("Rows are inserted within a transaction.");
        columns = type.GetProperties().Where(p => p != generated).Select((property, i) =>
        {
            var mapping = property.GetRelationalTypeMapping();
            var parameter = mapping.CreateParameter(command, $"@p{i}", null, property.IsNullable);
            command.Parameters.Add(parameter);
            return (property, mapping.Converter, parameter);
        }).ToArray();
        command.CommandText =
            $"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} ({string.Join(", ", columns.Select(c => sql.DelimitIdentifier(c.Property.GetColumnName(table)!)))}) " +
            $"VALUES ({string.Join(", ", columns.Select(c => c.Parameter.ParameterName))})" +
            (generated is null ? "" : $" RETURNING {sql.DelimitIdentifier(generated.GetColumnName(table)!)}");
    }

    /// <summary>Inserts the row and sets its generated key.</summary>
    public async Task InsertAsync(T row, CancellationToken cancellationToken)
    {
        foreach (var (property, converter, parameter) in columns)
        {
            var value = property.PropertyInfo!.GetValue(row);
            parameter.Value = (converter is null ? value : converter.ConvertToProvider(value)) ?? DBNull.Value;
        }

        if (generated is null)
        {
            await command.ExecuteNonQueryAsync(cancellationToken);
            return;
        }

        var key = await command.ExecuteScalarAsync(cancellationToken);
        generated.PropertyInfo!.SetValue(row, Convert.ChangeType(key, generated.ClrType, System.Globalization.CultureInfo.InvariantCulture));
    }

    public ValueTask DisposeAsync() => command.DisposeAsync();
}
