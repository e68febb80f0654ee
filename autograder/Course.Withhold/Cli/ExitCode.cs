namespace Course.Withhold.Cli;

/// <summary>What the tool's exit code says; scripts and MSBuild read it, so the values never change.</summary>
public enum ExitCode
{
    /// <summary>Every edition was written and verified.</summary>
    Success = 0,

    /// <summary>A defect of the tool itself (an exception it did not expect).</summary>
    InternalError = 1,

    /// <summary>The command line is wrong (an unknown option, a missing value, no input).</summary>
    Usage = 2,

    /// <summary>An input assembly is missing or is not a .NET assembly.</summary>
    InputUnreadable = 3,

    /// <summary>The policy file is missing, malformed, or names a type or member the assembly does not have.</summary>
    PolicyInvalid = 4,

    /// <summary>A member the edition keeps needs a withheld one: the library must be fixed (or the policy changed).</summary>
    ContractNeedsWithheld = 5,

    /// <summary>The written edition failed verification (its public surface or a body is not what the plan says).</summary>
    VerificationFailed = 6,

    /// <summary>The edition could not be rewritten or written (an unsupported forward, an unwritable folder).</summary>
    OutputFailed = 7,
}
