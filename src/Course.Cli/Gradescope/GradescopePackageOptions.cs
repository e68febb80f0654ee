namespace Course.Cli.Gradescope;

/// <summary>What <see cref="GradescopePackage.Build"/> packages, and where.</summary>
public sealed record GradescopePackageOptions
{
    /// <summary>
    /// The built grader: the folder of <c>course.dll</c> as the build of src/Course.Cli lays it out, with <c>runner/</c>
    /// (the sandboxed runner and its withheld editions). Build it in Release: the timing checks' budgets are Release's.
    /// </summary>
    public required string GraderFolder { get; init; }

    /// <summary>The instructor's source notebooks (what <c>course grade --source</c> takes).</summary>
    public required string SourceFolder { get; init; }

    /// <summary>The zip to write (replaced if it exists).</summary>
    public required string OutputPath { get; init; }

    /// <summary>The choices every submission is graded with on Gradescope.</summary>
    public GradescopeSettings Settings { get; init; } = new();
}
