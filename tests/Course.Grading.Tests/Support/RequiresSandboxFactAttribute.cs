using Course.Grading.Sandboxing;

namespace Course.Grading.Tests.Support;

/// <summary>
/// A fact that needs a working bubblewrap sandbox, found as grading finds it (<see cref="Sandbox.Detect"/>:
/// bwrap on PATH and a trial sandbox that runs). Where there is none it is skipped with the reason,
/// unless COURSE_REQUIRE_TOOLS=1 (as CI sets): then it runs, and fails on the missing sandbox, so CI
/// cannot silently lose the sandbox tests. Like <see cref="RequiresToolFactAttribute"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class RequiresSandboxFactAttribute : FactAttribute
{
    /// <summary>Creates the attribute.</summary>
    public RequiresSandboxFactAttribute()
    {
        if (Environment.GetEnvironmentVariable("COURSE_REQUIRE_TOOLS") == "1")
        {
            return;
        }

        var detection = Sandbox.Detect();
        if (!detection.IsAvailable)
        {
            Skip = $"No bubblewrap sandbox on this machine ({detection.Reason}); install the Debian package bubblewrap, or set COURSE_REQUIRE_TOOLS=1 to make this a failure.";
        }
    }

    /// <summary>The sandbox, or a failed assertion naming why there is none (when COURSE_REQUIRE_TOOLS=1 made the test run).</summary>
    /// <param name="readOnlyFolders">As for <see cref="Sandbox.Detect"/>.</param>
    /// <returns>The sandbox.</returns>
    public static Sandbox Require(IEnumerable<string>? readOnlyFolders = null)
    {
        var detection = Sandbox.Detect(readOnlyFolders: readOnlyFolders);
        Assert.True(detection.IsAvailable, $"The grading sandbox is required here (COURSE_REQUIRE_TOOLS=1) but unavailable: {detection.Reason}.");
        return detection.Sandbox!;
    }
}
