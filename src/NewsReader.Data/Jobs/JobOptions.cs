namespace NewsReader.Data.Jobs;

public sealed class JobOptions
{
    /// <summary>How long a worker's claim on a job holds without a sign of life from it (each step renews it).</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromSeconds(30);
}
