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

    /// <summary>
    /// Records the one exercise that check cell <paramref name="gradeId"/> grades, taken from
    /// <paramref name="implementation"/>. Only that exercise: a check cell may pass the reference's
    /// pieces for the rest of a pipeline, and those must never stand in for the student's own.
    /// </summary>
    /// <param name="gradeId">The check cell's grade_id.</param>
    /// <param name="implementation">The factories the check cell passed.</param>
    public static void Record(string gradeId, Implementation implementation) => Record(gradeId, implementation, Exercises.All);

    /// <summary>Records as <see cref="Record(string, Implementation)"/> does, with the exercises of <paramref name="table"/>.</summary>
    /// <param name="gradeId">The check cell's grade_id.</param>
    /// <param name="implementation">The factories the check cell passed.</param>
    /// <param name="table">The module's exercises.</param>
    public static void Record(string gradeId, Implementation implementation, ExerciseTable table)
    {
        ArgumentNullException.ThrowIfNull(implementation);
        ArgumentNullException.ThrowIfNull(table);
        lock (Gate)
        {
            var r = _recorded ?? new Implementation();
            var exercise = table.Of(gradeId);
            _recorded = exercise == Exercise.None ? r : exercise.With(r, exercise.Get(implementation) ?? exercise.Get(r));
        }
    }
}
