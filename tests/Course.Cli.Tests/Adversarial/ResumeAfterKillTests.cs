using System.Diagnostics;
using System.Text.RegularExpressions;
using Xunit.Abstractions;

namespace Course.Cli.Tests.Adversarial;

/// <summary>
/// Issue #8: killing <c>course grade</c> in the middle and running it again yields the same gradebook
/// as one clean run. Real <c>course</c> processes (the kill must be a real one), on three of the
/// bundled samples. <c>COURSE_KEEP_ADVERSARIAL=1</c> keeps both output folders for a look after a failure.
/// </summary>
public sealed partial class ResumeAfterKillTests
{
    private readonly ITestOutputHelper _output;

    public ResumeAfterKillTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public async Task Killed_midway_and_run_again_it_gives_the_gradebook_of_one_clean_run()
    {
        string course = CourseTree.Root();
        // Three of the bundled samples keep the test short; with two graded at once, the kill after the
        // first result always leaves at least one to resume.
        string[] samples = ["compile-error", "complete-different", "partial"];
        samples = [.. samples.Select(s => Path.Combine(course, "autograder", "samples", s))];
        Assert.All(samples, s => Assert.True(Directory.Exists(s), $"{s} is missing"));
        string root = Directory.CreateTempSubdirectory("course-resume-").FullName;
        try
        {
            string resumed = Path.Combine(root, "resumed"), clean = Path.Combine(root, "clean");
            var clock = Stopwatch.StartNew();

            // 1. Killed (with its grading processes, as Ctrl+C or a lost session would) once the first student is done.
            using (var killed = StartCourse(["grade", .. samples, "-o", resumed, "-j", "2"]))
            {
                var deadline = Stopwatch.StartNew();
                while (Finished(resumed).Length == 0)
                {
                    if (killed.Process.HasExited)
                    {
                        Assert.Fail($"course grade ended ({killed.Process.ExitCode}) before any result was written:\n{killed.Log()}");
                    }

                    Assert.True(deadline.Elapsed < TimeSpan.FromMinutes(10), $"No result after 10 minutes:\n{killed.Log()}");
                    await Task.Delay(100);
                }

                killed.Process.Kill(entireProcessTree: true);
                await killed.Process.WaitForExitAsync();
            }

            var kept = Finished(resumed).ToDictionary(f => f, File.ReadAllBytes);
            Assert.True(kept.Count < samples.Length, "All samples were graded before the kill: nothing was left to resume.");
            _output.WriteLine($"Killed after {clock.Elapsed.TotalSeconds:0} s with {kept.Count} of {samples.Length} results written.");

            // 2. Run again: it finishes the class and keeps what was done.
            var again = await CourseToEnd(["grade", .. samples, "-o", resumed, "-j", "2"]);
            foreach (var (file, bytes) in kept)
            {
                string student = Path.GetFileName(Path.GetDirectoryName(file)!);
                Assert.True(bytes.AsSpan().SequenceEqual(File.ReadAllBytes(file)), $"{student} was graded again instead of kept:\n{again}");
                Assert.Contains($"{student}: unchanged, kept", again);
            }

            // 3. One clean run of the same class.
            await CourseToEnd(["grade", .. samples, "-o", clean, "-j", "2", "--force"]);
            _output.WriteLine($"Killed run, resumed run and clean run: {clock.Elapsed.TotalSeconds:0} s.");

            var (resumedBook, ignored) = Gradebook(Path.Combine(resumed, "gradebook.csv"));
            var (cleanBook, _) = Gradebook(Path.Combine(clean, "gradebook.csv"));
            // gradebook.csv has no wall-time column today (student_id, a score per notebook, raw_score,
            // max_score, score, status, reason); should one appear, it is the only thing allowed to differ.
            _output.WriteLine(ignored.Length == 0 ? "No timing columns in gradebook.csv: rows compared whole." : $"Ignored timing columns: {string.Join(", ", ignored)}");
            Assert.True(cleanBook.Length > samples.Length, string.Join("\n", cleanBook));
            string[] differing = cleanBook.Zip(resumedBook, (c, r) => c == r ? null : $"clean:   {c}\nresumed: {r}").OfType<string>().ToArray();
            Assert.True(differing.Length == 0 && cleanBook.Length == resumedBook.Length,
                $"The resumed gradebook differs from the clean run's:\n{string.Join("\n", differing)}\n(clean {cleanBook.Length} lines, resumed {resumedBook.Length})\n" +
                $"Checks scored differently:\n{CheckDifferences(clean, resumed)}");
        }
        finally
        {
            if (Environment.GetEnvironmentVariable("COURSE_KEEP_ADVERSARIAL") != "1")
            {
                Directory.Delete(root, recursive: true);
            }
        }
    }

    // For a failure message: which checks scored differently, and whether they are timing checks
    // (those with a measured figure), to tell a resume defect from timing noise.
    private static string CheckDifferences(string clean, string resumed)
    {
        var lines = new List<string>();
        foreach (string file in Finished(clean))
        {
            string student = Path.GetFileName(Path.GetDirectoryName(file)!);
            string other = Path.Combine(resumed, student, "result.json");
            if (!File.Exists(other))
            {
                lines.Add($"{student}: no result in the resumed run");
                continue;
            }

            var before = Scores(file);
            foreach (var (id, (score, timing)) in Scores(other).Where(c => !before.TryGetValue(c.Key, out var b) || b.Score != c.Value.Score))
            {
                lines.Add($"{student} {id}{(timing ? " (timing check)" : "")}: clean {(before.TryGetValue(id, out var b) ? b.Score : double.NaN)}, resumed {score}");
            }
        }

        return string.Join("\n", lines);
    }

    private static Dictionary<string, (double Score, bool Timing)> Scores(string resultFile) =>
        System.Text.Json.JsonDocument.Parse(File.ReadAllText(resultFile)).RootElement.GetProperty("Checks").EnumerateArray()
            .ToDictionary(c => c.GetProperty("Id").GetString()!, c => (c.GetProperty("Score").GetDouble(),
                c.TryGetProperty("Measured", out var m) && m.ValueKind == System.Text.Json.JsonValueKind.Number));

    private static string[] Finished(string output) =>
        Directory.Exists(output)
            ? Directory.GetDirectories(output).Select(d => Path.Combine(d, "result.json")).Where(File.Exists).ToArray()
            : [];

    // The gradebook's lines without the columns that hold timings, and the names of those columns.
    private static (string[] Lines, string[] Ignored) Gradebook(string path)
    {
        string[] lines = File.ReadAllLines(path);
        string[] header = lines[0].Split(',');
        int[] timing = Enumerable.Range(0, header.Length).Where(i => TimingColumn().IsMatch(header[i])).ToArray();
        // Timing columns would be numbers: split plainly (only the last column, the reason, may be quoted).
        string[] Keep(string line) => timing.Length == 0 ? [line] : line.Split(',').Where((_, i) => !timing.Contains(i)).ToArray();
        return (lines.Select(l => string.Join(",", Keep(l))).ToArray(), timing.Select(i => header[i]).ToArray());
    }

    [GeneratedRegex("second|time|duration|elapsed|wall", RegexOptions.IgnoreCase)]
    private static partial Regex TimingColumn();

    private static async Task<string> CourseToEnd(string[] args)
    {
        using var run = StartCourse(args);
        await run.Process.WaitForExitAsync();
        string log = run.Log();
        Assert.True(run.Process.ExitCode == 0, $"course {string.Join(' ', args)} failed ({run.Process.ExitCode}):\n{log}");
        return log;
    }

    private static CourseProcess StartCourse(string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(typeof(CourseCommand).Assembly.Location);
        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        return new CourseProcess(Process.Start(start)!);
    }

    /// <summary>A running <c>course</c> process whose output is collected as it comes (so its pipes never fill).</summary>
    private sealed class CourseProcess : IDisposable
    {
        private readonly System.Text.StringBuilder _log = new();

        public CourseProcess(Process process)
        {
            Process = process;
            process.OutputDataReceived += (_, e) => Append(e.Data);
            process.ErrorDataReceived += (_, e) => Append(e.Data);
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
        }

        public Process Process { get; }

        public string Log()
        {
            Process.WaitForExit(1000);
            lock (_log)
            {
                return _log.ToString();
            }
        }

        public void Dispose()
        {
            if (!Process.HasExited)
            {
                Process.Kill(entireProcessTree: true);
            }

            Process.Dispose();
        }

        private void Append(string? line)
        {
            if (line is not null)
            {
                lock (_log)
                {
                    _log.AppendLine(line);
                }
            }
        }
    }
}
