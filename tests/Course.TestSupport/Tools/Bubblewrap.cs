using Course.Grading.Sandboxing;

namespace Course.TestSupport;

/// <summary>A working bubblewrap sandbox, found as grading finds it (<see cref="Sandbox.Detect"/>: bwrap on PATH and a trial sandbox that runs).</summary>
public sealed class Bubblewrap : RequiredTool
{
    /// <inheritdoc />
    public override string? Unavailable() =>
        Sandbox.Detect() is { IsAvailable: false } detection
            ? $"No bubblewrap sandbox on this machine ({detection.Reason}); install the Debian package bubblewrap"
            : null;

    /// <summary>The sandbox, or a failed assertion naming why there is none (when COURSE_REQUIRE_TOOLS=1 made the test run).</summary>
    /// <param name="readOnlyFolders">As for <see cref="Sandbox.Detect"/>.</param>
    /// <returns>The sandbox.</returns>
    public static Sandbox Require(IEnumerable<string>? readOnlyFolders = null)
    {
        var detection = Sandbox.Detect(readOnlyFolders: readOnlyFolders);
        Xunit.Assert.True(detection.IsAvailable, $"The grading sandbox is required here ({ToolGate.RequireVariable}=1) but unavailable: {detection.Reason}.");
        return detection.Sandbox!;
    }
}
