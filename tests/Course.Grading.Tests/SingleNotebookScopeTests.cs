using Course.Grading.Output;
using Course.Grading.Results;
using Course.Grading.Running;
using Course.Grading.Tests.Support;

namespace Course.Grading.Tests;

/// <summary>
/// Issue #19: a submission that is one notebook is scored out of that notebook's points, even when it cannot be
/// graded at all, and its gradebook row leaves the other notebooks' columns blank rather than showing a 0 it did not earn.
/// </summary>
public sealed class SingleNotebookScopeTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("course-single-notebook-").FullName;

    public void Dispose() => Directory.Delete(_root, true);

    [Fact]
    public async Task A_single_notebook_that_could_not_be_graded_is_scored_out_of_its_own_checks()
    {
        string quits = Path.Combine(_root, "subs", "quits");
        Directory.CreateDirectory(quits);
        File.WriteAllText(Path.Combine(quits, "01-a.ipynb"), "{}");
        var run = new GradingRun(new GradingRunOptions
        {
            OutputDirectory = Path.Combine(_root, "out"),
            Notebooks = ["01-a.ipynb", "02-b.ipynb"],
            NotebooksOf = _ => ["01-a.ipynb"],
            Grader = new ScriptedGrader((_, _) => throw new IOException("the disk is full")),
            Fingerprint = _ => "same",
            AllChecks = ScriptedRunner.AllChecks,
            WallTimeLimit = TimeSpan.FromSeconds(10),
        });

        var result = Assert.Single(await run.RunAsync([quits], Path.GetFileName));

        Assert.Equal((SubmissionStatus.Crashed, "The submission could not be prepared for grading: the disk is full"), (result.Status, result.Reason));
        Assert.Equal((0.0, 2.0), (result.Score, result.MaxScore));
        Assert.Equal(["01-a.ipynb"], result.Notebooks.Select(n => n.Name));
        var rows = CsvText.Records(File.ReadAllText(Path.Combine(_root, "out", GradebookWriter.FileName)));
        Assert.Equal(["quits", "0", "", "0", "2", "0", "crashed"], rows[1].Take(7));
    }
}
