using NewsReader.Data.Providers;

namespace NewsReader.Web.Instances;

/// <summary>Hears the other instances on the database for as long as the app runs (<see cref="DatabaseNotifications"/>).</summary>
internal sealed class NotificationListener(DatabaseNotifications notifications) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => notifications.ListenAsync(stoppingToken);
}
