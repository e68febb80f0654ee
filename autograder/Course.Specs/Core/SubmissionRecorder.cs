namespace Course.Specs.Core;

/// <summary>
/// Collects the implementation a submission's check cells hand to <see cref="ModuleSpecs.Check"/>
/// while the autograder runs its notebooks. Check cells are locked and restored from the instructor's
/// source before grading, so the factories recorded here are the instructor's bindings to the
/// student's own types: the check cell is the one place that names them.
/// </summary>
public static class SubmissionRecorder
{
    private static readonly Lock Gate = new();
    private static Implementation? _recorded;

    /// <summary>Whether check cells record instead of running checks (set by the autograder's grading process).</summary>
    public static bool IsRecording { get; private set; }

    /// <summary>Everything recorded so far: one factory per exercise whose check cell ran.</summary>
    public static Implementation Recorded
    {
        get
        {
            lock (Gate)
            {
                return _recorded ?? new Implementation();
            }
        }
    }

    /// <summary>Switches recording on and forgets anything recorded before.</summary>
    public static void Start()
    {
        lock (Gate)
        {
            _recorded = new Implementation();
            IsRecording = true;
        }
    }

    /// <summary>Switches recording off.</summary>
    public static void Stop()
    {
        lock (Gate)
        {
            IsRecording = false;
        }
    }

    /// <summary>Adds the exercises <paramref name="implementation"/> provides to what is recorded.</summary>
    /// <param name="implementation">The factories a check cell passed.</param>
    public static void Record(Implementation implementation)
    {
        ArgumentNullException.ThrowIfNull(implementation);
        lock (Gate)
        {
            var r = _recorded ?? new Implementation();
            _recorded = r with
            {
                LazyCifar = implementation.LazyCifar ?? r.LazyCifar,
                TensorDataset = implementation.TensorDataset ?? r.TensorDataset,
                DataLoader = implementation.DataLoader ?? r.DataLoader,
                Collate = implementation.Collate ?? r.Collate,
                Flip = implementation.Flip ?? r.Flip,
                Crop = implementation.Crop ?? r.Crop,
                Compose = implementation.Compose ?? r.Compose,
                Prefetcher = implementation.Prefetcher ?? r.Prefetcher,
            };
        }
    }
}
