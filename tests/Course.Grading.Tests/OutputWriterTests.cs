using System.Text.Json;
using Course.Grading.Output;
using Course.Grading.Results;
using static Course.Grading.Tests.Results;

namespace Course.Grading.Tests;

public sealed class OutputWriterTests
{
    private static readonly string[] Notebooks = ["01-a.ipynb", "02-b.ipynb"];

    [Fact]
    public void Gradebook_has_a_column_per_notebook_and_sums_scores()
    {
        var bob = Submission("bob", Check("x", "01-a.ipynb", 2, true), Check("y", "02-b.ipynb", 3, false), Check("z", "02-b.ipynb", 5, true));
        var amy = Submission("amy", Check("x", "01-a.ipynb", 2, false), Check("y", "02-b.ipynb", 3, true), Check("z", "02-b.ipynb", 5, true));

        string[] lines = GradebookWriter.ToCsv([bob, amy], Notebooks).TrimEnd('\n').Split('\n');

        Assert.Equal("student_id,01-a.ipynb,02-b.ipynb,raw_score,max_score,score,status,reason", lines[0]);
        Assert.Equal("amy,0,8,8,10,80,graded,", lines[1]);
        Assert.Equal("bob,2,5,7,10,70,graded,", lines[2]);
    }

    [Fact]
    public void Gradebook_quotes_fields_with_commas_and_quotes()
    {
        var odd = Submission("o'neil, \"jr\"", Check("x", "01-a.ipynb", 1, true)) with { Status = SubmissionStatus.Crashed, Reason = "exit code 1, \"boom\"" };

        string csv = GradebookWriter.ToCsv([odd], Notebooks);

        Assert.Contains("\"o'neil, \"\"jr\"\"\"", csv);
        Assert.Contains("\"exit code 1, \"\"boom\"\"\"", csv);
    }

    [Fact]
    public void Feedback_shows_failures_with_hints_and_hidden_checks_by_name_only()
    {
        var r = Submission("amy", Check("vis", "01-a.ipynb", 2, false, message: "Expected 5 batches, but it was 4"),
            Check("hid", "01-a.ipynb", 3, false, hidden: true, message: "SECRET detail"));

        string md = FeedbackWriter.ToMarkdown(r);
        string html = FeedbackWriter.ToHtml(r);

        Assert.Contains("Expected 5 batches, but it was 4", md);
        Assert.Contains("hint for vis", md);
        Assert.Contains("Title of hid (hidden)", md);
        Assert.DoesNotContain("SECRET", md);
        Assert.DoesNotContain("SECRET", html);
        Assert.Contains("**Score: 0 / 5**", md);
        Assert.Contains("Expected 5 batches", html);
    }

    [Fact]
    public void Feedback_explains_a_grading_that_ended_early_and_notebook_problems()
    {
        var r = Submission("amy") with
        {
            Status = SubmissionStatus.TimedOut,
            Reason = "Grading took longer than 300 s",
            Notebooks = [new NotebookOutcome("01-a.ipynb", NotebookStatus.Ran, ["Cell 4: (2,5): error CS1002: ; expected"])],
        };

        string md = FeedbackWriter.ToMarkdown(r);

        Assert.Contains("**Status: timed out.** Grading took longer than 300 s", md);
        Assert.Contains("Cell 4: (2,5): error CS1002", md);
    }

    [Fact]
    public void Gradescope_results_have_the_documented_fields()
    {
        var r = Submission("amy", Check("vis", "01-a.ipynb", 2, true), Check("hid", "02-b.ipynb", 3, false, hidden: true));

        using var doc = JsonDocument.Parse(GradescopeWriter.ToJson(r));
        var root = doc.RootElement;

        Assert.Equal(2, root.GetProperty("score").GetDouble());
        var tests = root.GetProperty("tests").EnumerateArray().ToArray();
        Assert.Equal(2, tests.Length);
        Assert.Equal("visible", tests[0].GetProperty("visibility").GetString());
        Assert.Equal("passed", tests[0].GetProperty("status").GetString());
        Assert.Equal(2, tests[0].GetProperty("max_score").GetDouble());
        Assert.Equal("after_published", tests[1].GetProperty("visibility").GetString());
        Assert.Equal("failed", tests[1].GetProperty("status").GetString());
        Assert.Contains("hint for hid", tests[1].GetProperty("output").GetString());
    }

    [Fact]
    public void Class_summary_bins_scores_and_computes_pass_rates()
    {
        var results = new[]
        {
            Submission("a", Check("x", "01-a.ipynb", 5, true), Check("y", "01-a.ipynb", 5, true)),
            Submission("b", Check("x", "01-a.ipynb", 5, true), Check("y", "01-a.ipynb", 5, false)),
            Submission("c", Check("x", "01-a.ipynb", 5, false), Check("y", "01-a.ipynb", 5, false)),
        };

        int[] bins = ClassSummaryWriter.ScoreBins(results);
        var rates = ClassSummaryWriter.PassRateByCheck(results);
        string html = ClassSummaryWriter.ToHtml(results);

        Assert.Equal([1, 0, 0, 0, 0, 1, 0, 0, 0, 1], bins);
        Assert.Equal(2 / 3.0, rates[0].PassRate, 6);
        Assert.Equal(1 / 3.0, rates[1].PassRate, 6);
        Assert.Contains("<svg", html);
        Assert.Contains("Pass rate per check", html);
    }

    [Fact]
    public void A_result_round_trips_through_its_json_file()
    {
        string path = Path.Combine(Path.GetTempPath(), $"result-{Guid.NewGuid():N}.json");
        try
        {
            var r = Submission("amy", Check("x", "01-a.ipynb", 2, false));
            ResultJson.Write(path, r);

            var back = ResultJson.TryRead(path);

            Assert.NotNull(back);
            Assert.Equal(r.StudentId, back.StudentId);
            Assert.Equal(r.Checks, back.Checks);
            Assert.Equal(r.MaxScore, back.MaxScore);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void A_torn_or_missing_result_reads_as_null_and_a_torn_progress_line_is_skipped()
    {
        string dir = Directory.CreateTempSubdirectory("course-grading-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(dir, "torn.json"), "{\"StudentId\": \"amy\", \"Che");
            ResultJson.AppendProgress(Path.Combine(dir, "p.jsonl"), Check("x", "01-a.ipynb", 2, true));
            File.AppendAllText(Path.Combine(dir, "p.jsonl"), "{\"Id\":\"y\",\"Gra");

            Assert.Null(ResultJson.TryRead(Path.Combine(dir, "torn.json")));
            Assert.Null(ResultJson.TryRead(Path.Combine(dir, "absent.json")));
            Assert.Equal(["x"], ResultJson.ReadProgress(Path.Combine(dir, "p.jsonl")).Select(c => c.Id));
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }
}
