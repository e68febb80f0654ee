namespace Course.TestSupport;

/// <summary>
/// Something outside .NET a test needs (a program, a sandbox, an account), and how to tell whether it is usable
/// here. Derive one per tool, with a public parameterless constructor, and name it in
/// <see cref="RequiresToolFactAttribute"/>.
/// </summary>
public abstract class RequiredTool
{
    /// <summary>Why the tool cannot be used on this machine, with how to install it; null when it can.</summary>
    /// <returns>The reason, or null.</returns>
    public abstract string? Unavailable();
}
