namespace Course.Notebooks.Execution;

/// <summary>What a <see cref="NotebookBatch"/> run came to, over all its notebooks.</summary>
public sealed record NotebookBatchResult
{
    /// <summary>Code cells that passed.</summary>
    public int Passed { get; init; }

    /// <summary>Code cells that failed.</summary>
    public int Failed { get; init; }

    /// <summary>Code cells not run because an earlier cell of their notebook failed.</summary>
    public int Skipped { get; init; }

    /// <summary>Whether a notebook could not be read, run or have its executed copy written.</summary>
    public bool BadInput { get; init; }

    /// <summary>Whether the run was stopped before every notebook ran.</summary>
    public bool Interrupted { get; init; }

    /// <summary>One line per failed cell: <c>FAILED a.ipynb cell 3: reason</c>, in the order they ran.</summary>
    public IReadOnlyList<string> Failures { get; init; } = [];

    /// <summary>Whether every cell of every notebook ran and passed, and nothing stopped the run.</summary>
    public bool Succeeded => !BadInput && !Interrupted && Failed == 0 && Skipped == 0;

    /// <summary>The closing line: <c>cells: N passed, M failed</c>, with the skipped cells when there were some.</summary>
    public string Summary => $"cells: {Passed} passed, {Failed} failed" + (Skipped > 0 ? $", {Skipped} skipped" : string.Empty);

    /// <summary>This result and another notebook's together.</summary>
    /// <param name="other">The other notebook's result.</param>
    /// <returns>The sums; a problem of either is a problem of both.</returns>
    public NotebookBatchResult Add(NotebookBatchResult other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return new NotebookBatchResult
        {
            Passed = Passed + other.Passed,
            Failed = Failed + other.Failed,
            Skipped = Skipped + other.Skipped,
            BadInput = BadInput || other.BadInput,
            Interrupted = Interrupted || other.Interrupted,
            Failures = [.. Failures, .. other.Failures],
        };
    }
}
