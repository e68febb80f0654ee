namespace Course.Notebooks.Execution;

/// <summary>How a cell execution ended.</summary>
public enum ExecutionStatus
{
    /// <summary>The cell compiled and ran to the end.</summary>
    Succeeded,

    /// <summary>The cell did not compile (C# errors, an unsupported magic command, a missing <c>#r</c> target); nothing ran.</summary>
    CompilationFailed,

    /// <summary>The cell threw an exception. Variables it assigned before throwing are kept, as in Jupyter.</summary>
    Threw,

    /// <summary>The cell ran past its timeout and was abandoned; later cells see the state from before it.</summary>
    TimedOut,

    /// <summary>The caller cancelled the cell (e.g. a kernel interrupt); later cells see the state from before it.</summary>
    Cancelled,
}
