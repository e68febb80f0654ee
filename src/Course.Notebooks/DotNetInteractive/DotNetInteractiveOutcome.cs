namespace Course.Notebooks.DotNetInteractive;

/// <summary>How the real kernel ended a cell.</summary>
public enum DotNetInteractiveOutcome
{
    /// <summary>The cell compiled and ran to the end.</summary>
    Succeeded,

    /// <summary>The cell did not compile (or named an unknown magic command); nothing of it ran.</summary>
    CompilationFailed,

    /// <summary>The cell compiled and threw.</summary>
    Threw,
}
