using Microsoft.JSInterop;
using NewsReader.Web.Components;

namespace NewsReader.Web.Tests;

/// <summary>A component's script, loaded as the browser loads it: after the first render, and not at once. The runtime
/// and the module stand in for the browser's, which bUnit does not let a test hold back.</summary>
public sealed class ComponentModuleTests
{
    [Fact]
    public async Task The_script_is_called_once_loaded_and_let_go_with_the_component()
    {
        var browser = new SlowBrowser();
        var module = new ComponentModule(browser, "./Components/Example.razor.js");
        await module.InvokeVoidAsync("early");

        var loading = module.LoadAsync();
        browser.FinishLoading();

        Assert.True(await loading);
        await module.InvokeVoidAsync("attach");
        await module.DisposeAsync();
        Assert.Equal(["attach"], browser.Script.Calls);
        Assert.True(browser.Script.Disposed);
    }

    [Fact]
    public async Task A_component_closed_while_its_script_loads_never_calls_it()
    {
        var browser = new SlowBrowser();
        var module = new ComponentModule(browser, "./Components/Example.razor.js");

        var loading = module.LoadAsync();
        await module.DisposeAsync();
        browser.FinishLoading();

        Assert.False(await loading);
        await module.InvokeVoidAsync("attach");
        Assert.Empty(browser.Script.Calls);
        Assert.True(browser.Script.Disposed);
    }

    /// <summary>A browser whose import of a script ends when the test says so.</summary>
    private sealed class SlowBrowser : IJSRuntime
    {
        private readonly TaskCompletionSource<IJSObjectReference> import = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public RecordingScript Script { get; } = new();

        public void FinishLoading() => import.SetResult(Script);

        public ValueTask<TValue> InvokeAsync<TValue>(string identifier, object?[]? args) => InvokeAsync<TValue>(identifier, CancellationToken.None, args);

        public ValueTask<TValue> InvokeAsync<TValue>(string identifier, CancellationToken cancellationToken, object?[]? args) =>
            identifier == "import" && import.Task is Task<TValue> loaded
                ? new ValueTask<TValue>(loaded)
                : throw new InvalidOperationException($"Unexpected call: {identifier}");
    }

    private sealed class RecordingScript : IJSObjectReference
    {
        public List<string> Calls { get; } = [];

        public bool Disposed { get; private set; }

        public ValueTask<TValue> InvokeAsync<TValue>(string identifier, object?[]? args) => InvokeAsync<TValue>(identifier, CancellationToken.None, args);

        public ValueTask<TValue> InvokeAsync<TValue>(string identifier, CancellationToken cancellationToken, object?[]? args)
        {
            Calls.Add(identifier);
            return ValueTask.FromResult(default(TValue)!);
        }

        public ValueTask DisposeAsync()
        {
            Disposed = true;
            return ValueTask.CompletedTask;
        }
    }
}
