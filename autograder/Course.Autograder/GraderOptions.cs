namespace Course.Autograder;

/// <summary>How a submission is graded.</summary>
public sealed record GraderOptions
{
    /// <summary>The most one notebook cell may run before it is abandoned as timed out (nbgrader's default is 30 s).</summary>
    public TimeSpan CellTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Multiplies every check's own time limit (10 s unless the check says otherwise).</summary>
    public double CheckTimeoutScale { get; init; } = 1.0;

    /// <summary>
    /// The folder the submission's notebooks run in. It gets a copy of the notebooks' <c>lib</c> folder
    /// beside it, so the notebooks' <c>#r "../lib/..."</c> lines resolve as they do in the course tree.
    /// Null: a new temporary folder.
    /// </summary>
    public string? WorkDirectory { get; init; }

    /// <summary>The folder holding the libraries the notebooks reference (the course tree's <c>notebooks/lib</c>).</summary>
    public string? LibraryDirectory { get; init; }

    /// <summary>
    /// Whether this process runs in the grading sandbox, so a file or network access a cell was refused
    /// is reported as the sandbox's doing rather than as a plain error.
    /// </summary>
    public bool Sandboxed { get; init; }
}
