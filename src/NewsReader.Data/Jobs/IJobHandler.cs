using NewsReader.Core.Jobs;

namespace NewsReader.Data.Jobs;

/// <summary>Does one kind of job. It works in steps, and after each it calls <c>report</c>, which saves the job's
/// progress and cursor and answers false when the job is no longer its worker's (the handler then stops).</summary>
public interface IJobHandler
{
    string Kind { get; }

    Task RunAsync(Job job, Func<Task<bool>> report, CancellationToken cancellationToken);

    /// <summary>What a finished job did, in the words of its kind, for the log.</summary>
    string Outcome(Job job);
}
