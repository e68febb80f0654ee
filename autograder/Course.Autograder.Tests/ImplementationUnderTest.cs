using Course.Autograder;
using Course.Specs.Core;

namespace Course.Autograder.Tests;

/// <summary>
/// What the graded-property tests check: the submission named by the environment variable
/// <c>COURSE_SUBMISSION</c> (a student's folder of notebooks, run through the notebook engine with its
/// locked cells restored from <c>COURSE_SOURCE</c>, default <c>notebooks/source</c>), or, with no
/// submission named, the reference library, so that <c>dotnet test</c> proves every check passes for
/// the answers.
/// </summary>
public static class ImplementationUnderTest
{
    private static readonly Lazy<Implementation> Loaded = new(Load);

    /// <summary>The implementation the tests run against.</summary>
    public static Implementation Current => Loaded.Value;

    /// <summary>A description of <see cref="Current"/> for test messages.</summary>
    public static string Name => Environment.GetEnvironmentVariable("COURSE_SUBMISSION") is { Length: > 0 } path ? $"submission {path}" : "the reference library";

    private static Implementation Load()
    {
        string? submission = Environment.GetEnvironmentVariable("COURSE_SUBMISSION");
        if (string.IsNullOrEmpty(submission))
        {
            return Implementation.Reference;
        }

        string root = RepositoryFolder.Root();
        string source = Environment.GetEnvironmentVariable("COURSE_SOURCE") is { Length: > 0 } s ? s : Path.Combine(root, "notebooks", "source");
        var grader = new SubmissionGrader(ModuleNotebooks.Load(source), new GraderOptions { LibraryDirectory = Path.Combine(root, "notebooks", "lib") });
        return grader.LoadImplementationAsync(submission).GetAwaiter().GetResult();
    }
}
