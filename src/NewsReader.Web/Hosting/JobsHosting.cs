using NewsReader.Data.Jobs;
using NewsReader.Web.Jobs;

namespace NewsReader.Web.Hosting;

internal static class JobsHosting
{
    /// <summary>The background worker, and the lease a job's worker holds (<c>NewsReader:JobLeaseSeconds</c>, 30 by default).</summary>
    public static void AddNewsReaderJobs(this WebApplicationBuilder builder, bool run)
    {
        var lease = TimeSpan.FromSeconds(Math.Max(1, builder.Configuration.GetValue("NewsReader:JobLeaseSeconds", 30)));
        builder.Services.Configure<JobOptions>(options => options.Lease = lease);
        if (run)
        {
            builder.Services.AddHostedService<JobWorker>();
        }
    }
}
