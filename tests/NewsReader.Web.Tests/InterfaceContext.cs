using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NewsReader.Web.Accounts;
using NewsReader.Web.Components.Preferences;
using NewsReader.Web.Localization;

namespace NewsReader.Web.Tests;

/// <summary>A bUnit context with what every component of the interface injects: its text and formats, and a write
/// limit no test reaches unless it means to. The tests run in the invariant culture, so components speak English, the
/// language of the code.</summary>
public abstract class InterfaceContext : BunitContext
{
    protected InterfaceContext()
    {
        const int writesPerMinute = 1000;
        Services.AddSingleton(new CircuitWrites(new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["NewsReader:WritesPerMinute"] = $"{writesPerMinute}" }).Build()));
        Services.AddLocalization();
        Services.AddScoped<ReadingPreferencesState>();
        Services.AddScoped<UiFormats>();
    }
}
