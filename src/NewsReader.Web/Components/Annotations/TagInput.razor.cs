using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.JSInterop;

namespace NewsReader.Web.Components.Annotations;

public sealed partial class TagInput : IAsyncDisposable
{
    private ElementReference box;
    private ComponentModule module = null!;

    [Inject]
    private IJSRuntime JS { get; set; } = null!;

    [Parameter, EditorRequired]
    public required TagSet Tags { get; set; }

    protected override void OnInitialized() => module = new ComponentModule(JS, "./Components/Annotations/TagInput.razor.js");

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (firstRender && await module.LoadAsync())
        {
            await module.InvokeVoidAsync("endTagOnEnter", box);
        }
    }

    /// <summary>Enter or a comma turns the typed text into a chip (the script keeps them from submitting the form or
    /// being typed); Backspace in an empty box removes the last chip.</summary>
    private void Key(KeyboardEventArgs e)
    {
        if (e.Key is "Enter" or ",")
        {
            Tags.AddPending();
        }
        else if (e.Key == "Backspace")
        {
            Tags.RemoveLastIfNothingTyped();
        }
    }

    public ValueTask DisposeAsync() => module.DisposeAsync();
}
