using Microsoft.Extensions.DependencyInjection;
using NewsReader.Web.Components.Preferences;
using NewsReader.Web.Localization;

namespace NewsReader.Web.Tests;

/// <summary>A bUnit context with what every component of the interface injects: its text and formats. The tests run
/// in the invariant culture, so components speak English, the language of the code.</summary>
public abstract class InterfaceContext : BunitContext
{
    protected InterfaceContext()
    {
        Services.AddLocalization();
        Services.AddScoped<ReadingPreferencesState>();
        Services.AddScoped<UiFormats>();
    }
}
