using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Components;
using MudBlazor.Services;
using NewsReader.Web.Api;
using NewsReader.Web.Components;
using NewsReader.Web.Components.Preferences;
using NewsReader.Web.Components.Reader;

namespace NewsReader.Web.Hosting;

internal static class UiHosting
{
    /// <summary>The largest message a circuit's browser may send: the state its page carried from the prerender
    /// (<see cref="CarriedState"/>), which is what needs the most.</summary>
    public const long MaxCircuitMessageBytes = CarriedState.MaxMessageBytes;

    public static void AddNewsReaderUi(this IServiceCollection services)
    {
        services.AddRazorComponents()
            .AddInteractiveServerComponents()
            .AddHubOptions(hub => hub.MaximumReceiveMessageSize = MaxCircuitMessageBytes);
        services.AddMudServices();
        services.AddScoped<ReadingPreferencesState>();
        services.AddScoped<AnnotationFiles>();
        services.AddScoped<ReaderState>();

        // Arabic is served as text, not as a character reference per letter.
        services.AddWebEncoders(options => options.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));

        // And so is a prerendered page's state, for every type a page persists.
        services.AddSingleton(typeof(PersistentComponentStateSerializer<>), typeof(Utf8StateSerializer<>));
    }
}
