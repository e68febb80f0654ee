using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;

namespace Benchmarks.Grading;

/// <summary>
/// How fast a class is graded: N copies of a correct sample through `course grade`, seconds per submission, the
/// projection to 200, and where one submission's time goes (docs/PERFORMANCE.md, "Grading a class").
/// </summary>
internal static class GradingSpeedBenchmark
{
    private const int ClassSize = 200;
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    internal static int Run(string[] args, TextWriter output)
    {
        GradingOptions options;
        try
        {
            options = GradingOptions.Parse(args, new GradingOptions());
        }
        catch (ArgumentException e)
        {
            output.WriteLine(e.Message);
            output.WriteLine();
            output.WriteLine(GradingOptions.SpeedHelp);
            return 2;
        }

        if (options.ShowHelp)
        {
            output.WriteLine(GradingOptions.SpeedHelp);
            return 0;
        }

        string sample = Path.Combine(CourseCommandLine.Root, "autograder", "samples", options.Sample);
        if (!Directory.Exists(sample))
        {
            output.WriteLine($"No sample named '{options.Sample}' in autograder/samples.");
            return 2;
        }

        string root = Directory.CreateTempSubdirectory("course-grading-speed-").FullName;
        try
        {
            var submissions = new List<string>();
            for (int i = 1; i <= options.Copies; i++)
            {
                string copy = Path.Combine(root, "submissions", string.Create(Inv, $"copy-{i:000}"));
                Directory.CreateDirectory(copy);
                foreach (string file in Directory.GetFiles(sample, "*.ipynb"))
                {
                    File.Copy(file, Path.Combine(copy, Path.GetFileName(file)));
                }

                submissions.Add(copy);
            }

            string outDir = Path.Combine(root, "out");
            output.WriteLine("# Grading a class");
            output.WriteLine();
            output.WriteLine(string.Create(Inv,
                $"{options.Copies} copies of {options.Sample}, -j {options.Jobs}, {Environment.ProcessorCount} logical cores, {RuntimeInformation.OSDescription}, course: {Path.GetRelativePath(CourseCommandLine.Root, CourseCommandLine.Program())}."));
            var clock = Stopwatch.StartNew();
            var (code, text) = CourseCommandLine.Run(["grade", .. submissions, "--out", outDir, "--jobs", options.Jobs.ToString(Inv), "--force"]);
            double wall = clock.Elapsed.TotalSeconds;
            if (code != 0)
            {
                output.WriteLine($"course grade failed ({code}):\n{text}");
                return 1;
            }

            var results = GradedResults.Read(outDir);
            Report(output, options, results, wall, text.Contains("UNSANDBOXED", StringComparison.Ordinal));
            return results.Count == options.Copies && results.Values.All(r => r.Score == r.Max) ? 0 : 1;
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static void Report(TextWriter output, GradingOptions options, IReadOnlyDictionary<string, GradedResults.Student> results, double wall, bool unsandboxed)
    {
        double perSubmission = wall / options.Copies;
        int full = results.Values.Count(r => r.Score == r.Max);
        output.WriteLine(string.Create(Inv, $"Sandbox: {(unsandboxed ? "none (bubblewrap unavailable)" : "bubblewrap")}. Full marks: {full} of {results.Count}."));
        foreach (var lost in results.Values.Where(r => r.Score < r.Max).OrderBy(r => r.Id, StringComparer.Ordinal))
        {
            output.WriteLine(string.Create(Inv, $"  {lost.Id}: {lost.Score:0.##}/{lost.Max:0.##}, failed {string.Join(", ", lost.Failed)}"));
        }

        output.WriteLine();
        output.WriteLine("| measure | value |");
        output.WriteLine("| --- | --- |");
        output.WriteLine(string.Create(Inv, $"| wall time, whole run | {wall:0.0} s |"));
        output.WriteLine(string.Create(Inv, $"| wall seconds per submission (run / copies) | {perSubmission:0.00} s |"));
        output.WriteLine(string.Create(Inv, $"| projected for {ClassSize} submissions | {perSubmission * ClassSize / 60:0.0} min |"));
        output.WriteLine(string.Create(Inv, $"| one submission, start to result (median) | {GradedResults.Median(results.Values.Select(r => r.Seconds)):0.00} s |"));
        foreach (string phase in new[] { "start", "notebooks", "checks" })
        {
            output.WriteLine(string.Create(Inv, $"| &nbsp;&nbsp;{phase} (median) | {GradedResults.Median(results.Values.Select(r => r.Phases.GetValueOrDefault(phase))):0.00} s |"));
        }

        output.WriteLine();
        output.WriteLine("| check | median s | share of checks |");
        output.WriteLine("| --- | --- | --- |");
        double checks = GradedResults.Median(results.Values.Select(r => r.Phases.GetValueOrDefault("checks")));
        var byCheck = results.Values.SelectMany(r => r.CheckSeconds).GroupBy(kv => kv.Key)
            .Select(g => (Id: g.Key, Median: GradedResults.Median(g.Select(kv => kv.Value)))).OrderByDescending(c => c.Median).ToList();
        foreach (var (id, median) in byCheck.Take(8))
        {
            output.WriteLine(string.Create(Inv, $"| {id} | {median:0.00} | {(checks > 0 ? median / checks : 0):P0} |"));
        }

        output.WriteLine(string.Create(Inv, $"| the other {Math.Max(0, byCheck.Count - 8)} checks | {byCheck.Skip(8).Sum(c => c.Median):0.00} | |"));
    }
}
