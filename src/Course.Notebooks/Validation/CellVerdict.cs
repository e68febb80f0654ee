namespace Course.Notebooks.Validation;

/// <summary>How a code cell ended in a validation run, in terms both kernels share.</summary>
public enum CellVerdict
{
    /// <summary>It compiled and ran to the end.</summary>
    Ran,

    /// <summary>It did not compile (or named a magic command the kernel does not have).</summary>
    DidNotCompile,

    /// <summary>It threw.</summary>
    Threw,

    /// <summary>It ran out of time, or the notebook's time ran out before it.</summary>
    TimedOut,

    /// <summary>It was not run.</summary>
    Skipped,
}
