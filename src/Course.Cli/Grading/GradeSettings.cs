using Course.Grading.LateSubmissions;

namespace Course.Cli.Grading;

/// <summary><c>course grade</c>'s options, parsed and checked one by one: what <see cref="ClassGrading"/> grades with.</summary>
public sealed record GradeSettings
{
    /// <summary>The submissions as given (folders, notebooks, zips); empty for the bundled samples.</summary>
    public required IReadOnlyList<string> Submissions { get; init; }

    /// <summary>The output folder, as given.</summary>
    public required string OutputDirectory { get; init; }

    /// <summary>The instructor's source notebooks, as given; null for the course tree's.</summary>
    public string? SourceDirectory { get; init; }

    /// <summary>Grade again even unchanged submissions.</summary>
    public bool Force { get; init; }

    /// <summary>Seconds one submission may take.</summary>
    public int TimeoutSeconds { get; init; } = 300;

    /// <summary>Seconds of CPU time one submission may use.</summary>
    public int CpuSeconds { get; init; } = 600;

    /// <summary>Megabytes of managed memory one submission may use.</summary>
    public int MemoryMegabytes { get; init; } = 2048;

    /// <summary>Submissions graded at once.</summary>
    public int Jobs { get; init; } = 1;

    /// <summary>Whether <see cref="Jobs"/> was given (not its default): a runner account refuses more than one only then.</summary>
    public bool JobsGiven { get; init; }

    /// <summary>Grade without bubblewrap on purpose.</summary>
    public bool NoSandbox { get; init; }

    /// <summary>The due date and late penalty; null when neither was given.</summary>
    public LatePolicy? LatePolicy { get; init; }

    /// <summary>The account runners run as without a sandbox (<c>--runner-user</c>); null for none.</summary>
    public string? RunnerUser { get; init; }
}
