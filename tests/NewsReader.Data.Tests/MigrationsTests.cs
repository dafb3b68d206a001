using Microsoft.EntityFrameworkCore;
using NewsReader.Testing;

namespace NewsReader.Data.Tests;

/// <summary>Start-up applies migrations without asking whether they describe the model (a cost of every start); this
/// asks it of the provider the tests run on, as <c>dotnet ef migrations add</c> would find nothing to add.</summary>
public class MigrationsTests
{
    [Fact]
    public async Task The_migrations_describe_the_model()
    {
        await using var db = await TestDatabase.CreateAsync();
        await using var context = await db.OpenAsync();

        Assert.False(context.Database.HasPendingModelChanges(), $"The model has changed since the last {db.Provider.Name} migration: add one.");
    }
}
