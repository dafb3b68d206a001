using Serilog;

namespace NewsReader.Web.Hosting;

internal static class LoggingHosting
{
    /// <summary>Serilog, configured from the <c>Serilog</c> section of appsettings.json; <paramref name="quiet"/>
    /// (for command-line work, which prints its own progress) keeps only warnings and errors.</summary>
    public static void AddNewsReaderLogging(this WebApplicationBuilder builder, bool quiet = false) =>
        builder.Services.AddSerilog((services, logger) =>
        {
            logger.ReadFrom.Configuration(builder.Configuration).ReadFrom.Services(services);
            if (quiet)
            {
                logger.MinimumLevel.Warning();
            }
        });

    public static void UseNewsReaderRequestLogging(this WebApplication app) =>
        app.UseSerilogRequestLogging(options =>
            options.GetLevel = (context, _, error) => error is not null || context.Response.StatusCode >= 500
                ? Serilog.Events.LogEventLevel.Error
                : Serilog.Events.LogEventLevel.Information);
}
