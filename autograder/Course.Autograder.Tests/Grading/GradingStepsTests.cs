using System.Diagnostics;
using Course.Autograder.Grading;
using Course.Autograder.Preparation;
using Course.Autograder.Problems;
using Course.Autograder.Tests.Preparation;
using Course.Boundary;
using Course.Grading.Results;
using Course.Grading.Running;

namespace Course.Autograder.Tests.Grading;

/// <summary>The grading steps of the parent one at a time: the grading folder's layout, intake, notebook problems and the runner grader's bookkeeping.</summary>
public sealed class GradingStepsTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("grading-steps-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void The_grading_folder_holds_the_submission_and_the_work_folder_with_its_notebooks_and_libraries()
    {
        var folder = new GradingFolder("/g");

        Assert.Equal(("/g/submission", "/g/work", "/g/work/notebooks", "/g/work/lib"), (folder.Submission, folder.Work.Path, folder.Work.Notebooks, folder.Work.Library));
    }

    [Fact]
    public void The_runner_is_laid_out_only_with_its_program_and_libraries_and_starts_on_the_grading_folder()
    {
        var runner = FakeRunner();
        Assert.False(new RunnerProgram(Path.Combine(_root, "nowhere")).IsLaidOut);
        Assert.True(runner.IsLaidOut);

        var start = runner.StartInfo(new GradingFolder("/g"));

        Assert.Equal([runner.Program, "/g/submission", "/g/work"], start.ArgumentList);
        Assert.Equal("/g/work", start.WorkingDirectory);
    }

    [Fact]
    public void Intake_writes_the_graded_notebooks_the_manifest_and_the_runner_s_libraries_and_nothing_else()
    {
        var folder = new GradingFolder(Directory.CreateDirectory(Path.Combine(_root, "grading")).FullName);

        var prepared = RunnerIntake.Prepare(ModuleFixtures.Module, Sample(), folder, FakeRunner(), TimeSpan.FromSeconds(7));

        Assert.All(prepared.Notebooks, n => Assert.Equal(NotebookStatus.Ready, n.Status));
        Assert.Equal([.. ModuleFixtures.Module.Names.Order(StringComparer.Ordinal), RunnerManifest.FileName],
            Directory.GetFiles(folder.Submission).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        var manifest = RunnerManifest.Read(folder.Submission);
        Assert.Equal(ModuleFixtures.Module.Names, manifest.Notebooks);
        Assert.Equal(7.0, manifest.CellTimeoutSeconds);
        Assert.Equal("a withheld edition", File.ReadAllText(Path.Combine(folder.Work.Library, "TinyTorch.dll")));
        Assert.Equal(["submission", "work"], Directory.GetDirectories(folder.Root).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Notebook_problems_give_each_notebook_its_status_and_lines_and_the_submission_its_problems()
    {
        var prepared = new PreparedSubmission("amy",
        [
            new PreparedNotebook("01.ipynb", NotebookStatus.Missing, ["01.ipynb was not in the submission."], false),
            new PreparedNotebook("02.ipynb", NotebookStatus.Ready, ["02.ipynb: the check cell was edited"], true) { Notebook = Course.Notebooks.Model.Notebook.CreatePolyglot() },
        ], new Dictionary<string, string>());
        var problems = new GradingProblems();

        var outcomes = NotebookProblems.Record(prepared, _ => [], TimeSpan.FromSeconds(30), null, problems);

        Assert.Equal([NotebookStatus.Missing, NotebookStatus.Ran], outcomes.Select(o => o.Status));
        Assert.Equal([SubmissionStatus.MissingNotebooks, SubmissionStatus.LockedCellRestored], problems.All.Select(p => p.Status));
        Assert.Equal(["01.ipynb", "02.ipynb"], problems.All.Select(p => p.Location.Notebook));
        Assert.Equal(SubmissionStatus.LockedCellRestored, problems.Verdict().Status);
    }

    [Fact]
    public async Task Grading_a_folder_that_was_never_prepared_is_refused_naming_it()
    {
        var grader = new RunnerGrader(ModuleFixtures.Module, FakeRunner(), new GraderOptions());
        using var process = Process.GetCurrentProcess();

        var e = await Assert.ThrowsAsync<InvalidOperationException>(() => grader.GradeAsync(new GradingSession(process, "amy", "/g", CancellationToken.None)));

        Assert.Equal("/g was not prepared.", e.Message);
    }

    private RunnerProgram FakeRunner()
    {
        var runner = new RunnerProgram(Path.Combine(_root, "runner"));
        Directory.CreateDirectory(runner.Library);
        File.WriteAllText(runner.Program, "");
        File.WriteAllText(Path.Combine(runner.Library, "TinyTorch.dll"), "a withheld edition");
        return runner;
    }

    // Intake only reads the submission: the sample itself is graded, not a copy.
    private static string Sample() => ModuleFixtures.CorrectSample;
}
