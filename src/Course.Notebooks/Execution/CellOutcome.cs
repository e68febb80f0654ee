namespace Course.Notebooks.Execution;

/// <summary>What happened to a code cell in a notebook run.</summary>
public enum CellOutcome
{
    /// <summary>The cell ran without error.</summary>
    Passed,

    /// <summary>The cell failed: compile error, exception, timeout, or a language the engine cannot run.</summary>
    Failed,

    /// <summary>The cell was not run because an earlier cell failed (and the run was not told to keep going).</summary>
    Skipped,
}
