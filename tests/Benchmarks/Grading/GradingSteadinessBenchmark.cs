using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Course.TestSupport;

namespace Benchmarks.Grading;

/// <summary>
/// Whether a grade moves with the machine's load: the bundled samples graded again and again beside CPU-bound
/// processes, each compared check by check with autograder/samples/README.md (and, with --corpus, the adversarial
/// corpus's tests each time). Issue #15's "the same submission gets the same score", shown.
/// </summary>
internal static partial class GradingSteadinessBenchmark
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    internal static int Run(string[] args, TextWriter output)
    {
        GradingOptions options;
        try
        {
            options = GradingOptions.Parse(args, new GradingOptions { Jobs = 2 });
        }
        catch (ArgumentException e)
        {
            output.WriteLine(e.Message);
            output.WriteLine();
            output.WriteLine(GradingOptions.SteadinessHelp);
            return 2;
        }

        if (options.ShowHelp)
        {
            output.WriteLine(GradingOptions.SteadinessHelp);
            return 0;
        }

        string samples = Path.Combine(CourseCommandLine.Root, "autograder", "samples");
        var expected = Expectations(File.ReadAllText(Path.Combine(samples, "README.md")));
        string[] submissions = [.. Directory.GetDirectories(samples).Order(StringComparer.Ordinal)];
        output.WriteLine("# Grades under load");
        output.WriteLine();
        output.WriteLine(string.Create(Inv, $"{options.Runs} runs of the {submissions.Length} samples (-j {options.Jobs}) beside {options.Burners} CPU-bound processes on {Environment.ProcessorCount} logical cores{(options.Corpus ? ", and the adversarial corpus's tests" : "")}."));
        output.WriteLine();
        int steady = 0;
        for (int run = 1; run <= options.Runs; run++)
        {
            string outDir = Directory.CreateTempSubdirectory("course-grading-steadiness-").FullName;
            try
            {
                var clock = Stopwatch.StartNew();
                int code;
                string text;
                // Only around the samples: the corpus's tests start two burners of their own, as in CI.
                using (new CpuBurners(options.Burners))
                {
                    (code, text) = CourseCommandLine.Run(["grade", .. submissions, "--out", outDir, "--jobs", options.Jobs.ToString(Inv)]);
                }

                var results = GradedResults.Read(outDir);
                var problems = new List<string>();
                if (code != 0)
                {
                    problems.Add($"course grade exited {code}: {text.Trim().Split('\n').LastOrDefault()}");
                }

                foreach (var (name, (score, failed)) in expected)
                {
                    if (!results.TryGetValue(name, out var result))
                    {
                        problems.Add($"{name}: no result");
                    }
                    else if (result.Score != score || !result.Failed.SequenceEqual(failed))
                    {
                        problems.Add(string.Create(Inv, $"{name}: {result.Score:0.##} (README {score:0.##}), failed [{string.Join(", ", result.Failed.Except(failed))}] beyond the README, passed [{string.Join(", ", failed.Except(result.Failed))}]"));
                    }
                }

                string corpus = options.Corpus ? Corpus(problems) : "";
                steady += problems.Count == 0 ? 1 : 0;
                output.WriteLine(string.Create(Inv,
                    $"run {run}: {(problems.Count == 0 ? "every sample as its README line" : string.Join("; ", problems))} ({clock.Elapsed.TotalSeconds:0} s){corpus}"));
            }
            finally
            {
                Directory.Delete(outDir, recursive: true);
            }
        }

        output.WriteLine();
        output.WriteLine(string.Create(Inv, $"{steady} of {options.Runs} runs gave exactly the README's grades."));
        return steady == options.Runs ? 0 : 1;
    }

    // The adversarial corpus's tests, as CI runs them (built beforehand): their summary line, and any failure noted.
    private static string Corpus(List<string> problems)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = CourseCommandLine.Root };
        foreach (string arg in new[] { "test", "tests/Course.Cli.Tests", "--no-build", "--filter", "FullyQualifiedName~Adversarial" })
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        var error = process.StandardError.ReadToEndAsync();
        string text = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        _ = error.Result;
        string summary = text.Split('\n').LastOrDefault(l => l.Contains("Passed!", StringComparison.Ordinal) || l.Contains("Failed!", StringComparison.Ordinal))?.Trim() ?? "no summary";
        if (process.ExitCode != 0)
        {
            problems.Add("corpus: " + string.Join("; ", FailedTests(text)));
        }

        return $"; corpus: {summary}";
    }

    // dotnet test's console lists each failed test as "  Failed Name [time]", its error message on the lines after
    // "  Error Message:": each such test with the first line of its message, so that a flaky one can be told apart.
    private static IEnumerable<string> FailedTests(string text)
    {
        string[] lines = text.Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            string line = lines[i].Trim();
            if (line.StartsWith("Failed ", StringComparison.Ordinal))
            {
                string message = lines.Skip(i + 1).Take(4).Select(l => l.Trim())
                    .SkipWhile(l => l.Length == 0 || l.StartsWith("Error Message", StringComparison.Ordinal)).FirstOrDefault() ?? "";
                yield return $"{line[7..]}: {message}";
            }
        }
    }

    private static Dictionary<string, (double Score, string[] Failed)> Expectations(string readme) =>
        SampleLine().Matches(readme).ToDictionary(
            m => m.Groups["name"].Value,
            m => (double.Parse(m.Groups["score"].Value, Inv),
                m.Groups["fails"].Success ? m.Groups["fails"].Value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal).ToArray() : []));

    [GeneratedRegex(@"^- \*\*(?<name>[\w-]+)\*\*: (?<score>[\d.]+)/(?<max>[\d.]+)(; fails (?<fails>[\w\-, ]+))?\.", RegexOptions.Multiline)]
    private static partial Regex SampleLine();
}
