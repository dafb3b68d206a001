using System.Text.Encodings.Web;
using System.Text.Unicode;
using MudBlazor.Services;
using NewsReader.Core.Articles;
using NewsReader.Web.Api;
using NewsReader.Web.Components.Preferences;
using NewsReader.Web.Components.Reader;

namespace NewsReader.Web.Hosting;

internal static class UiHosting
{
    /// <summary>The reader's prerendered article returns to the server, JSON-escaped and base64-encoded,
    /// when the circuit starts; a body of the largest size allowed must fit in that first message.</summary>
    public const long MaxCircuitMessageBytes = ArticleDraft.MaxBodyBytes * 8L;

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
    }
}
