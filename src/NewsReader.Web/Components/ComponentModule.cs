using Microsoft.JSInterop;

namespace NewsReader.Web.Components;

/// <summary>A component's own script (its <c>.razor.js</c> module), imported after the first render and let go with the
/// component. A component closed while its script loads never calls into it: its elements are gone, and a failed call
/// would fail the page around it.</summary>
public sealed class ComponentModule(IJSRuntime js, string path) : IAsyncDisposable
{
    private IJSObjectReference? module;
    private bool disposed;

    /// <summary>Imports the script; false when the component was closed meanwhile.</summary>
    public async Task<bool> LoadAsync()
    {
        var loaded = await js.InvokeAsync<IJSObjectReference>("import", path);
        if (disposed)
        {
            await loaded.DisposeAsync();
            return false;
        }

        module = loaded;
        return true;
    }

    /// <summary>Calls the script, once it is loaded (before, there is nothing in the browser to act on).</summary>
    public ValueTask InvokeVoidAsync(string identifier, params object?[] arguments) =>
        module?.InvokeVoidAsync(identifier, arguments) ?? ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        disposed = true;
        try
        {
            await (module?.DisposeAsync() ?? ValueTask.CompletedTask);
        }
        catch (JSDisconnectedException)
        {
            // The circuit is gone, and the module with it.
        }
    }
}
