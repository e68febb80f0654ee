using Course.Autograder;
using Course.Grading.Output;
using Course.Specs;

namespace Course.Cli.Tests.Commands;

/// <summary>
/// Issue #19, <c>course grade</c> as a new instructor types it: an argument that cannot be a submission is one line
/// naming it and exit code 2, before anything is graded; the parent folder of the submissions is graded as its
/// folders, and the run says so; a run in which a submission had nothing the grader could run exits 1 and names it;
/// one notebook is scored out of its own points, not the module's.
/// </summary>
public sealed class GradeArgumentsTests : IClassFixture<GradeArgumentsTests.GradedFolder>
{
    private readonly GradedFolder _graded;

    public GradeArgumentsTests(GradedFolder graded) => _graded = graded;

    [Fact]
    public async Task Two_single_notebooks_of_one_name_are_one_line_and_exit_2_and_nothing_is_graded()
    {
        using var folder = new TempFolder("course-grade-args-");
        string a = Copy(folder, "a/03-dataloader.ipynb"), b = Copy(folder, "b/03-dataloader.ipynb");

        var run = await CliRun.Of("grade", a, b, "--out", folder.File("out"));

        Assert.Equal(2, run.ExitCode);
        Assert.Equal($"course grade: '03-dataloader' would be the student id of both {a} and {b} (a single notebook's id is its name): grade the folders that hold them instead "
            + $"({folder.File("a")}, {folder.File("b")}), so that each student's id is their folder's name.\n", run.Error);
        Assert.False(Directory.Exists(folder.File("out")));
    }

    [Fact]
    public async Task Each_argument_that_is_no_submission_is_a_line_of_its_own_and_exit_2()
    {
        using var folder = new TempFolder("course-grade-args-");
        File.WriteAllText(folder.File("notes.txt"), "my notes");
        string wrong = Copy(folder, "dataloader.ipynb");

        var run = await CliRun.Of("grade", folder.File("notes.txt"), wrong, folder.File("nowhere"), "--out", folder.File("out"));

        Assert.Equal(2, run.ExitCode);
        string[] lines = run.Error.TrimEnd('\n').Split('\n');
        Assert.Equal(3, lines.Length);
        Assert.StartsWith($"course grade: '{folder.File("notes.txt")}' is neither a folder of notebooks", lines[0], StringComparison.Ordinal);
        Assert.Contains("did you mean 03-dataloader.ipynb?", lines[1], StringComparison.Ordinal);
        Assert.Equal($"course grade: no such submission: '{folder.File("nowhere")}'.", lines[2]);
        Assert.Equal("", run.Output);
    }

    [Fact]
    public async Task An_output_folder_that_cannot_be_made_is_one_line_and_exit_2()
    {
        using var folder = new TempFolder("course-grade-args-");
        File.WriteAllText(folder.File("a-file"), "");
        string submission = Copy(folder, "amy/03-dataloader.ipynb");

        var run = await CliRun.Of("grade", Path.GetDirectoryName(submission)!, "--out", folder.File("a-file/grades"));

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith($"course grade: --out {folder.File("a-file/grades")} cannot be made a folder: ", run.Error, StringComparison.Ordinal);
        Assert.Single(run.Error.TrimEnd('\n').Split('\n'));
    }

    [Fact]
    public async Task A_source_folder_without_notebooks_is_one_line_and_exit_2()
    {
        using var folder = new TempFolder("course-grade-args-");

        var run = await CliRun.Of("grade", "--source", folder.Path, "--out", folder.File("out"));

        Assert.Equal(2, run.ExitCode);
        Assert.Equal($"course grade: --source: No source notebooks found in '{folder.Path}'.\n", run.Error);
    }

    [Fact]
    public void The_parent_folder_of_the_submissions_is_graded_as_its_folders_and_the_run_says_so()
    {
        Assert.Contains($"'{_graded.Class}' holds no notebooks but folders of them: it is taken as a folder of submissions, and each of its 3 folders is graded as one (as if you had typed {_graded.Class}/*).",
            _graded.Run.Output, StringComparison.Ordinal);
        Assert.Equal(["02-tensordataset", "amy", "broken", "empty"], Rows().Skip(1).Select(r => r[0]).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_run_where_a_submission_had_nothing_to_run_exits_1_and_names_it()
    {
        Assert.True(_graded.Run.ExitCode == 1, _graded.Run.Error);
        Assert.EndsWith("course grade: 2 submission(s) had no notebook of the module that could be run, and scored 0: broken (missing notebooks); empty (missing notebooks).\n",
            _graded.Run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void One_notebook_is_scored_out_of_its_own_points_and_the_other_notebook_columns_are_blank()
    {
        var module = ModuleNotebooks.Load(CourseTree.Path("notebooks", "source"));
        double own = ModuleSpecs.All.Where(s => module.NotebookOf(s.GradeId) == "02-tensordataset.ipynb").Sum(s => s.Points);
        var rows = Rows();
        var header = rows[0];
        var single = rows.Single(r => r[0] == "02-tensordataset");

        Assert.Equal(own.ToString(System.Globalization.CultureInfo.InvariantCulture), single[header.IndexOf("max_score")]);
        Assert.Equal("graded", single[header.IndexOf("status")]);
        Assert.All(module.Names.Where(n => n != "02-tensordataset.ipynb"), n => Assert.Equal("", single[header.IndexOf(n)]));
        Assert.NotEqual("", single[header.IndexOf("02-tensordataset.ipynb")]);
    }

    private List<List<string>> Rows() =>
        [.. CsvText.Records(File.ReadAllText(Path.Combine(_graded.Output, GradebookWriter.FileName))).Select(r => r.ToList())];

    private static string Copy(TempFolder folder, string relative, string sample = "partial", string notebook = "03-dataloader.ipynb")
    {
        string path = folder.File(relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.Copy(CourseTree.Path("autograder", "samples", sample, notebook), path);
        return path;
    }

    /// <summary>
    /// Grades, once for the tests above, a parent folder (amy with one notebook, broken with a notebook that is not
    /// JSON, empty) and one notebook file (<c>single/02-tensordataset.ipynb</c>) of the partial sample.
    /// </summary>
    public sealed class GradedFolder : IAsyncLifetime
    {
        private readonly TempFolder _folder = new("course-grade-folder-");

        /// <summary>The parent folder of three submissions.</summary>
        public string Class => _folder.File("class");

        /// <summary>The output folder.</summary>
        public string Output => _folder.File("out");

        /// <summary>What <c>course grade</c> printed.</summary>
        public CliRun Run { get; private set; } = null!;

        /// <inheritdoc />
        public async Task InitializeAsync()
        {
            Copy(_folder, "class/amy/02-tensordataset.ipynb", notebook: "02-tensordataset.ipynb");
            Directory.CreateDirectory(_folder.File("class/broken"));
            File.WriteAllText(_folder.File("class/broken/01-dataset.ipynb"), "{ this is not a notebook");
            Directory.CreateDirectory(_folder.File("class/empty"));
            string single = Copy(_folder, "single/02-tensordataset.ipynb", notebook: "02-tensordataset.ipynb");
            Run = await CliRun.Of("grade", Class, single, "--out", Output, "--jobs", "1", "--timeout", "120");
        }

        /// <inheritdoc />
        public Task DisposeAsync()
        {
            _folder.Dispose();
            return Task.CompletedTask;
        }
    }
}
