using System.Diagnostics;
using Course.Grading.Output;
using Course.Grading.Results;
using Course.Grading.Running;
using Course.Grading.Tests.Support;
using static Course.Grading.Tests.Results;

namespace Course.Grading.Tests;

/// <summary>
/// Issue #19, "nothing lost": the gradebook is the union of the results in the output folder, so regrading one student
/// or grading late submissions into the folder that holds the class keeps everyone else's row; a run that finds a row
/// with no result behind it says so.
/// </summary>
public sealed class GradebookMergeTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("course-gradebook-merge-").FullName;

    private string Output => Path.Combine(_root, "out");

    public void Dispose() => Directory.Delete(_root, true);

    [Fact]
    public async Task Regrading_one_student_keeps_every_other_students_row_and_link()
    {
        await Run().RunAsync(Submissions("amy", "bob", "quits"), Path.GetFileName);

        var again = Run(force: true);
        var results = await again.RunAsync(Submissions("bob"), Path.GetFileName);

        Assert.Equal(["bob"], results.Select(r => r.StudentId));
        Assert.Equal(2, again.KeptFromEarlierRuns);
        var rows = CsvText.Records(File.ReadAllText(Path.Combine(Output, GradebookWriter.FileName)));
        Assert.Equal(["student_id", "amy", "bob", "quits"], rows.Select(r => r[0]));
        Assert.Equal("exited early", rows.Single(r => r[0] == "quits")[^2]);
        string summary = File.ReadAllText(Path.Combine(Output, ClassSummaryWriter.FileName));
        Assert.Contains("3 submission(s)", summary, StringComparison.Ordinal);
        Assert.Contains("href=\"amy/feedback.html\"", summary, StringComparison.Ordinal);
        Assert.Contains("href=\"quits/feedback.html\"", summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Late_submissions_are_added_to_the_class()
    {
        await Run().RunAsync(Submissions("amy", "bob"), Path.GetFileName);

        await Run().RunAsync(Submissions("late"), Path.GetFileName);

        var rows = CsvText.Records(File.ReadAllText(Path.Combine(Output, GradebookWriter.FileName)));
        Assert.Equal(["student_id", "amy", "bob", "late"], rows.Select(r => r[0]));
    }

    [Fact]
    public async Task A_run_that_would_drop_a_row_says_which_student_and_why()
    {
        await Run().RunAsync(Submissions("amy", "bob", "cat"), Path.GetFileName);
        Directory.Delete(Path.Combine(Output, "bob"), recursive: true);
        File.WriteAllText(Path.Combine(Output, "cat", GradingRun.ResultFileName), "{ torn");
        using var warnings = new StringWriter();

        await Run(warnings: warnings).RunAsync(Submissions("amy"), Path.GetFileName);

        var rows = CsvText.Records(File.ReadAllText(Path.Combine(Output, GradebookWriter.FileName)));
        Assert.Equal(["student_id", "amy"], rows.Select(r => r[0]));
        string warning = Assert.Single(warnings.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries), l => l.Contains("gradebook.csv", StringComparison.Ordinal));
        Assert.Equal($"WARNING: gradebook.csv in {Output} listed 2 students whose results are no longer there (bob, cat): the new gradebook has no row for these. Grade those submissions again to bring the rows back.", warning);
    }

    [Fact]
    public async Task A_run_that_drops_nothing_warns_of_nothing()
    {
        await Run().RunAsync(Submissions("amy", "bob"), Path.GetFileName);
        using var warnings = new StringWriter();

        await Run(warnings: warnings, force: true).RunAsync(Submissions("amy"), Path.GetFileName);

        Assert.DoesNotContain("gradebook.csv", warnings.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_result_copied_into_another_students_folder_does_not_take_their_row()
    {
        Directory.CreateDirectory(Path.Combine(Output, "amy"));
        Directory.CreateDirectory(Path.Combine(Output, "bob"));
        ResultJson.Write(Path.Combine(Output, "amy", GradingRun.ResultFileName), Submission("amy", Check("x", "01-a.ipynb", 2, true)));
        // bob's folder holds a result that says it is amy's, full marks.
        ResultJson.Write(Path.Combine(Output, "bob", GradingRun.ResultFileName), Submission("amy", Check("x", "01-a.ipynb", 2, true), Check("y", "02-b.ipynb", 3, true)));

        var merge = GradebookMerge.Load(Output, []);

        var kept = Assert.Single(merge.Earlier);
        Assert.Equal(("amy", "amy", 2.0), (kept.Result.StudentId, kept.FolderName, kept.Result.Score));
    }

    [Fact]
    public void The_gradebook_reads_back_to_the_ids_it_was_written_with()
    {
        string[] ids = ["=HYPERLINK(\"x\")", "'quoted", "comma, name", "two\nlines", "plain"];
        string csv = GradebookWriter.ToCsv(ids.Select(id => Submission(id)), ["01-a.ipynb"]);

        Assert.Equal(ids.Order(StringComparer.Ordinal), CsvText.Records(csv).Skip(1).Select(r => r[0]));
    }

    private GradingRun Run(bool force = false, TextWriter? warnings = null) => new(new GradingRunOptions
    {
        OutputDirectory = Output,
        Notebooks = ["01-a.ipynb", "02-b.ipynb"],
        Grader = new ScriptedGrader(Script),
        Fingerprint = path => string.Join(",", Directory.GetFiles(path).Order().Select(File.ReadAllText)),
        AllChecks = ScriptedRunner.AllChecks,
        Force = force,
        WallTimeLimit = TimeSpan.FromSeconds(10),
        Warnings = warnings,
    });

    private string[] Submissions(params string[] names) => names.Select(n =>
    {
        string dir = Path.Combine(_root, "subs", n);
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, "01-a.ipynb"), n);
        return dir;
    }).ToArray();

    private static readonly Func<string, string, ProcessStartInfo> Script = ScriptedRunner.Start(name => name == "quits" ? "exit 0" : ScriptedRunner.Passes);
}
