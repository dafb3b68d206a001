using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using NewsReader.Testing;

namespace NewsReader.Data.Tests;

/// <summary>The app runs on the model compiled into each provider's migrations assembly, and start-up applies migrations
/// without asking whether they describe the model (both costs of every start). These ask both questions of the provider
/// the tests run on.</summary>
public class MigrationsTests
{
    [Fact]
    public async Task The_migrations_describe_the_model()
    {
        await using var db = await TestDatabase.CreateAsync();
        await using var context = await db.OpenAsync();

        Assert.False(context.Database.HasPendingModelChanges(), $"The model has changed since the last {db.Provider.Name} migration: add one.");
    }

    [Fact]
    public async Task The_compiled_model_is_the_model_the_configurations_build()
    {
        await using var db = await TestDatabase.CreateAsync();
        var options = new DbContextOptionsBuilder<NewsReaderDbContext>();
        db.Provider.Configure(options, db.ConnectionString);
        await using var built = new NewsReaderDbContext(options.Options);
        await using var running = await db.OpenAsync();

        Assert.Same(db.Provider.CompiledModel, running.Model);
        Assert.True(
            Described(built.Model) == Described(running.Model),
            $"The {db.Provider.Name} compiled model is out of date: run tools/optimize-model.sh (README).");
    }

    /// <summary>The model as text, without the entity types EF adds to a running model as queries ask for them (the rows
    /// of <c>SqlQuery</c>, gathered by every test of the process).</summary>
    private static string Described(IModel model) => Regex.Replace(
        model.ToDebugString(MetadataDebugStringOptions.LongDefault), @"^  Ad-hoc entity types:\r?\n(?:    .*\r?\n)*", "", RegexOptions.Multiline);
}
