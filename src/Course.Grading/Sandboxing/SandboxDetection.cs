namespace Course.Grading.Sandboxing;

/// <summary>Whether submissions can be sandboxed here, and if not, why not.</summary>
/// <param name="Sandbox">The working sandbox, or null when there is none.</param>
/// <param name="Reason">
/// What was found: the bwrap in use, or why there is no sandbox (not installed, or installed but
/// refused by the kernel), in words an instructor can act on.
/// </param>
public sealed record SandboxDetection(Sandbox? Sandbox, string Reason)
{
    /// <summary>Whether a working sandbox was found.</summary>
    public bool IsAvailable => Sandbox is not null;

    /// <summary>No sandbox, on purpose or because detection failed.</summary>
    /// <param name="reason">Why, for the warning the run prints.</param>
    /// <returns>The detection.</returns>
    public static SandboxDetection Unavailable(string reason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        return new SandboxDetection(null, reason);
    }
}
