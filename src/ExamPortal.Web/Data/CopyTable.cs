using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;

namespace ExamPortal.Web.Data;

/// <summary>
/// Writes new entities of one EF-mapped table with Npgsql binary COPY, column for column as EF itself would insert
/// them: the columns, store types and value converters (enums as names, JSON columns) come from the EF model, so the
/// bulk path cannot drift from the mapping. Store-generated columns (xmin) are left to the database, as EF leaves them;
/// shadow properties have no value on the entity, so the caller supplies each one.
/// </summary>
internal sealed class CopyTable<T>
    where T : class
{
    private readonly List<Column> _columns;

    private readonly IEntityType _entityType;

    private CopyTable(IEntityType entityType, string table, List<Column> columns)
    {
        _entityType = entityType;
        Table = table;
        _columns = columns;
    }

    /// <summary>The mapped table's name, quoted for SQL.</summary>
    public string Table { get; }

    /// <summary>The written columns, quoted and comma-separated, in COPY order.</summary>
    public string ColumnList => string.Join(", ", _columns.Select(c => Quote(c.Name)));

    /// <summary>The column a property maps to, quoted for SQL.</summary>
    public string ColumnOf(string propertyName) =>
        Quote(_entityType.FindProperty(propertyName)!.GetTableColumnMappings().Single().Column.Name);

    public static CopyTable<T> For(IModel model, IReadOnlyDictionary<string, Func<T, object?>>? shadowValues = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        var entityType = model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not mapped");
        var table = entityType.GetTableMappings().Single(m => m.IsSharedTablePrincipal ?? true).Table;
        var columns = new List<Column>();
        foreach (var mapping in entityType.GetTableMappings().Single(m => m.Table == table).ColumnMappings)
        {
            var property = mapping.Property;
            if (property.GetBeforeSaveBehavior() == PropertySaveBehavior.Ignore)
            {
                continue;
            }

            Func<T, object?> read;
            if (property.IsShadowProperty())
            {
                read = shadowValues is not null && shadowValues.TryGetValue(property.Name, out var supplied)
                    ? supplied
                    : throw new InvalidOperationException($"No value supplied for the shadow property {typeof(T).Name}.{property.Name}");
            }
            else
            {
                var getter = property.GetGetter();
                read = entity => getter.GetClrValue(entity);
            }

            var converter = mapping.TypeMapping.Converter;
            columns.Add(new Column(mapping.Column.Name, mapping.TypeMapping.StoreTypeNameBase,
                converter is null ? read : entity => read(entity) is { } value ? converter.ConvertToProvider(value) : null));
        }

        return new CopyTable<T>(entityType, Quote(table.Name), columns);
    }

    /// <summary>Copies the entities into <paramref name="target"/>, a table with this table's columns (e.g. a staging copy).</summary>
    public async Task WriteAsync(NpgsqlConnection connection, string target, IEnumerable<T> entities, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(entities);
        await using var writer = await connection.BeginBinaryImportAsync($"COPY {target} ({ColumnList}) FROM STDIN (FORMAT BINARY)", ct);
        foreach (var entity in entities)
        {
            await writer.StartRowAsync(ct);
            foreach (var column in _columns)
            {
                if (column.Value(entity) is { } value)
                {
                    await writer.WriteAsync(value, column.StoreType, ct);
                }
                else
                {
                    await writer.WriteNullAsync(ct);
                }
            }
        }

        await writer.CompleteAsync(ct);
    }

    public static string Quote(string name) => $"\"{name.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";

    private sealed record Column(string Name, string StoreType, Func<T, object?> Value);
}
