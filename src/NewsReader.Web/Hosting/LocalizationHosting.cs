using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.Localization;
using NewsReader.Web.Localization;

namespace NewsReader.Web.Hosting;

internal static class LocalizationHosting
{
    public static void AddNewsReaderLocalization(this IServiceCollection services)
    {
        services.AddLocalization();
        services.AddScoped<UiFormats>();
        services.Configure<ProblemDetailsOptions>(options => options.CustomizeProblemDetails = InReadersLanguage);
        services.Configure<RequestLocalizationOptions>(options =>
        {
            options.DefaultRequestCulture = new RequestCulture(UiLanguages.Default);
            options.SupportedCultures = [.. UiLanguages.All];
            options.SupportedUICultures = [.. UiLanguages.All];
            options.FallBackToParentCultures = true;
            options.FallBackToParentUICultures = true;
            options.RequestCultureProviders = [new PreferencesCultureProvider(), new AcceptLanguageHeaderRequestCultureProvider()];
        });
    }

    /// <summary>Problem details come in the language the request asked for (<c>Accept-Language</c>), like the pages.</summary>
    private static void InReadersLanguage(ProblemDetailsContext context)
    {
        var text = context.HttpContext.RequestServices.GetRequiredService<IStringLocalizer<UiText>>();
        context.ProblemDetails.Title = context.ProblemDetails.Title is { } title ? text.Translate(title) : null;
        context.ProblemDetails.Detail = context.ProblemDetails.Detail is { } detail ? text.Translate(detail) : null;
    }

    /// <summary>Every request, the circuit's WebSocket included, runs in the reader's language: pages, problem details
    /// and the interactive session that the WebSocket request starts.</summary>
    public static void UseNewsReaderLocalization(this WebApplication app) => app.UseRequestLocalization();
}
