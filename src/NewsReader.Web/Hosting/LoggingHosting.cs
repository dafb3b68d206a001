using Serilog;

namespace NewsReader.Web.Hosting;

internal static class LoggingHosting
{
    /// <summary>Serilog, configured from the <c>Serilog</c> section of appsettings.json.</summary>
    public static void AddNewsReaderLogging(this WebApplicationBuilder builder) =>
        builder.Services.AddSerilog((services, logger) => logger
            .ReadFrom.Configuration(builder.Configuration)
            .ReadFrom.Services(services));

    public static void UseNewsReaderRequestLogging(this WebApplication app) =>
        app.UseSerilogRequestLogging(options =>
            options.GetLevel = (context, _, error) => error is not null || context.Response.StatusCode >= 500
                ? Serilog.Events.LogEventLevel.Error
                : Serilog.Events.LogEventLevel.Information);
}
