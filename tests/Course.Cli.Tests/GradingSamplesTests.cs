using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Course.Cli.Tests;

/// <summary>
/// `course grade` end to end, in its own processes, on the bundled samples, the instructor's sources
/// (the reference solution) and the released student notebooks: each must score exactly what
/// autograder/samples/README.md says, check by check, graded two at a time while two CPU-bound processes run beside
/// grading, as on a busy laptop: a grade must not move with the machine's load (issue #15; the benchmark
/// `grading-steadiness` repeats this ten times, docs/PERFORMANCE.md).
/// </summary>
public sealed partial class GradingSamplesTests : IClassFixture<GradingSamplesTests.GradedClass>
{
    private readonly GradedClass _graded;

    public GradingSamplesTests(GradedClass graded) => _graded = graded;

    [Fact]
    public void The_reference_solution_scores_full_marks()
    {
        var result = _graded.Result("source");
        Assert.Equal("graded", result.GetProperty("Status").GetString());
        var failed = Checks(result).Where(c => c.Score < c.Points).Select(c => $"{c.Id}: {c.Message}").ToArray();
        Assert.True(failed.Length == 0, string.Join("\n", failed));
    }

    [Fact]
    public void The_released_student_notebooks_score_zero_with_not_implemented_messages()
    {
        var checks = Checks(_graded.Result("student"));
        Assert.NotEmpty(checks);
        Assert.All(checks, c =>
        {
            Assert.Equal(0, c.Score);
            Assert.Equal("not implemented", c.Status);
            Assert.Contains("is not implemented yet", c.Message);
        });
    }

    [Fact]
    public void Each_sample_scores_what_its_readme_line_says_check_by_check()
    {
        var expectations = SampleLines();
        // A line for every sample folder, and a folder for every line.
        Assert.Equal(
            Directory.GetDirectories(Path.Combine(CourseTree.Root(), "autograder", "samples")).Select(Path.GetFileName).Order(StringComparer.Ordinal),
            expectations.Select(e => e.Name).Order(StringComparer.Ordinal));
        foreach (var (name, score, max, fails) in expectations)
        {
            var result = _graded.Result(name);
            var checks = Checks(result);
            var failed = checks.Where(c => c.Score < c.Points).Select(c => c.Id).Order().ToArray();
            Assert.True(fails.Order().SequenceEqual(failed), $"{name}: README says it fails [{string.Join(", ", fails.Order())}] but it failed [{string.Join(", ", failed)}]");
            Assert.Equal(score, checks.Sum(c => c.Score));
            Assert.Equal(max, checks.Sum(c => c.Points));
        }
    }

    [Fact]
    public void Every_failing_check_has_a_message_naming_what_was_expected()
    {
        foreach (var (name, _, _, _) in SampleLines())
        {
            Assert.All(Checks(_graded.Result(name)).Where(c => c.Score < c.Points), c =>
                Assert.Matches("Expected|expected|Timed out|Not run|not implemented|reference library", c.Message));
        }
    }

    [Fact]
    public void The_gradebook_has_a_row_per_submission_and_a_column_per_notebook()
    {
        string[] lines = File.ReadAllLines(Path.Combine(_graded.Output, "gradebook.csv"));
        Assert.StartsWith("student_id,01-dataset.ipynb,02-tensordataset.ipynb,03-dataloader.ipynb,04-collation.ipynb,05-transforms.ipynb,06-bottlenecks.ipynb,raw_score,max_score,score,status", lines[0]);
        // The header, a row for each sample, and the instructor's source and the released student notebooks.
        Assert.Equal(1 + SampleLines().Count + 2, lines.Length);
        Assert.Contains(lines, l => l.StartsWith("source,", StringComparison.Ordinal) && l.Contains(",100,graded", StringComparison.Ordinal));
        Assert.True(File.Exists(Path.Combine(_graded.Output, "summary.html")));
        Assert.True(File.Exists(Path.Combine(_graded.Output, "partial", "feedback.md")));
    }

    private static IReadOnlyList<(string Name, double Score, double Max, string[] Fails)> SampleLines()
    {
        string readme = File.ReadAllText(Path.Combine(CourseTree.Root(), "autograder", "samples", "README.md"));
        return SampleLine().Matches(readme).Select(m => (
            m.Groups["name"].Value,
            double.Parse(m.Groups["score"].Value, System.Globalization.CultureInfo.InvariantCulture),
            double.Parse(m.Groups["max"].Value, System.Globalization.CultureInfo.InvariantCulture),
            m.Groups["fails"].Success ? m.Groups["fails"].Value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries) : [])).ToList();
    }

    private static List<(string Id, double Score, double Points, string Status, string Message)> Checks(JsonElement result) =>
        result.GetProperty("Checks").EnumerateArray().Select(c => (
            c.GetProperty("Id").GetString()!, c.GetProperty("Score").GetDouble(), c.GetProperty("Points").GetDouble(),
            c.GetProperty("Status").GetString()!, c.GetProperty("Message").GetString()!)).ToList();

    [GeneratedRegex(@"^- \*\*(?<name>[\w-]+)\*\*: (?<score>[\d.]+)/(?<max>[\d.]+)(; fails (?<fails>[\w\-, ]+))?\.", RegexOptions.Multiline)]
    private static partial Regex SampleLine();

    /// <summary>Grades the class once for all the tests above (it takes about a minute).</summary>
    public sealed class GradedClass : IDisposable
    {
        public GradedClass()
        {
            string root = CourseTree.Root();
            Output = Directory.CreateTempSubdirectory("course-grade-samples-").FullName;
            string samples = Path.Combine(root, "autograder", "samples");
            var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
            start.ArgumentList.Add(typeof(CourseCommand).Assembly.Location);
            start.ArgumentList.Add("grade");
            foreach (string submission in Directory.GetDirectories(samples).Order())
            {
                start.ArgumentList.Add(submission);
            }

            foreach (string arg in new[] { Path.Combine(root, "notebooks", "source"), Path.Combine(root, "notebooks", "student"), "--out", Output, "--jobs", "2" })
            {
                start.ArgumentList.Add(arg);
            }

            using (new CpuBurners(CpuBurners.BesideGrading))
            {
                using var process = Process.Start(start)!;
                var stdout = process.StandardOutput.ReadToEndAsync();
                string stderr = process.StandardError.ReadToEnd();
                process.WaitForExit();
                Log = stdout.Result + stderr;
                ExitCode = process.ExitCode;
            }

            if (ExitCode != 0)
            {
                throw new InvalidOperationException($"course grade failed ({ExitCode}):\n{Log}");
            }
        }

        public int ExitCode { get; private set; }

        public string Output { get; }

        public string Log { get; }

        public JsonElement Result(string studentId) =>
            JsonDocument.Parse(File.ReadAllText(Path.Combine(Output, studentId, "result.json"))).RootElement;

        public void Dispose() => Directory.Delete(Output, recursive: true);
    }
}
