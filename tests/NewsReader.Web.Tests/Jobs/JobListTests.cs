using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;
using NewsReader.Data.Jobs;
using NewsReader.Data.Search;
using NewsReader.Testing;
using NewsReader.Web.Components.Jobs;

namespace NewsReader.Web.Tests.Jobs;

public sealed class JobListTests : InterfaceContext, IAsyncLifetime
{
    private TestDatabase database = null!;

    public async Task InitializeAsync()
    {
        database = await TestDatabase.CreateAsync();
        Services.AddSingleton(database.Service<JobStore>());
        Services.AddMudServices();
        JSInterop.Mode = JSRuntimeMode.Loose;
        Renderer.SetRendererInfo(new Microsoft.AspNetCore.Components.RendererInfo("Static", isInteractive: false));
    }

    public new async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await database.DisposeAsync();
    }

    /// <summary>A merge cannot know how many steps it will take: it counts the ones done, where a re-scan shows articles
    /// read out of a total.</summary>
    [Theory]
    [InlineData("en", "Search index merge after an import of 9,000 articles", "merging: step 14", "done in 15 steps")]
    [InlineData("ar", "دمج فهرس البحث بعد استيراد 9,000 مقال", "الدمج: الخطوة 14", "انتهى في 15 خطوةً")]
    public async Task A_merge_after_an_import_shows_its_steps(string language, string description, string running, string done)
    {
        using var _ = new InterfaceLanguage(language);
        var store = database.Service<JobStore>();
        await database.Service<SearchMergeJob>().EnqueueAsync(9000);
        var job = (await store.ClaimAsync("test"))!;
        job.Done = 14;
        await store.ReportAsync(job);

        var list = Render<JobList>();

        list.WaitForAssertion(() => Assert.Equal(description, list.Find(".description").TextContent));
        Assert.Equal(running, list.Find(".state").TextContent);
        Assert.NotNull(list.Find(".mud-progress-linear"));

        job.Done = 15;
        await store.FinishAsync(job);
        list = Render<JobList>();

        list.WaitForAssertion(() => Assert.Equal(done, list.Find(".state").TextContent));
    }
}
