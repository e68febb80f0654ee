namespace Course.Cli.Grading;

/// <summary>
/// <c>course grade</c> refuses to grade (exit code 2): an argument is no submission, an option is wrong, the runner is
/// not built. Thrown by a step of <see cref="ClassGrading"/> before anything is graded; each line is told to the user
/// as <c>course grade: LINE</c>.
/// </summary>
public sealed class GradeRefusedException : Exception
{
    /// <summary>Refuses with one line.</summary>
    /// <param name="message">What is wrong, for the user.</param>
    public GradeRefusedException(string message)
        : this([message])
    {
    }

    /// <summary>Refuses with one line per problem.</summary>
    /// <param name="lines">What is wrong, one problem a line.</param>
    public GradeRefusedException(IReadOnlyList<string> lines)
        : base(string.Join(Environment.NewLine, lines))
    {
        Lines = lines;
    }

    /// <summary>Refuses with no reason of its own (prefer the other constructors).</summary>
    public GradeRefusedException()
        : this("grading was refused.")
    {
    }

    /// <summary>Refuses, keeping the cause.</summary>
    /// <param name="message">What is wrong, for the user.</param>
    /// <param name="inner">The cause.</param>
    public GradeRefusedException(string message, Exception inner)
        : base(message, inner)
    {
        Lines = [message];
    }

    /// <summary>What is wrong, one problem a line.</summary>
    public IReadOnlyList<string> Lines { get; }
}
