namespace Course.Specs.Core;

/// <summary>How one graded check ended.</summary>
public enum CheckStatus
{
    /// <summary>The property holds.</summary>
    Passed,

    /// <summary>The property does not hold; the message says how.</summary>
    Failed,

    /// <summary>The code under test still throws <see cref="NotImplementedException"/>.</summary>
    NotImplemented,

    /// <summary>The check did not finish within its time limit (often an infinite loop).</summary>
    TimedOut,

    /// <summary>The part of the implementation this check needs was not provided.</summary>
    Missing,
}
