namespace NewsReader.Core.Jobs;

public enum JobState
{
    Queued,
    Running,
    Done,
    Failed,
}

/// <summary>Long work done in the background, in steps that each save where they got to (<see cref="Cursor"/>), so that
/// an interrupted job resumes where it stopped. A worker holds a lease on a running job and renews it with every step;
/// a job whose lease ran out (its worker died) is taken over by the next worker that looks.</summary>
public sealed class Job
{
    public int Id { get; set; }

    /// <summary>What kind of work, such as <c>rescan</c>: the worker that knows it does it.</summary>
    public required string Kind { get; set; }

    /// <summary>What the job does, in words for the Jobs list.</summary>
    public required string Description { get; set; }

    /// <summary>The entity the job is about, if any, so that its page can show the progress.</summary>
    public string? EntityKey { get; set; }

    /// <summary>The kind's own input, as JSON.</summary>
    public required string Payload { get; set; }

    public JobState State { get; set; }

    /// <summary>How many items the job has to go through, once it knows.</summary>
    public int Total { get; set; }

    /// <summary>How many it has gone through.</summary>
    public int Done { get; set; }

    /// <summary>How many of those it changed.</summary>
    public int Changed { get; set; }

    /// <summary>The last item done, in the kind's own order: a resumed job goes on after it.</summary>
    public long Cursor { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? StartedAt { get; set; }

    public DateTimeOffset? FinishedAt { get; set; }

    /// <summary>The worker running the job, and until when its lease holds.</summary>
    public string? LeaseOwner { get; set; }

    public DateTimeOffset? LeaseUntil { get; set; }

    public string? Error { get; set; }
}
