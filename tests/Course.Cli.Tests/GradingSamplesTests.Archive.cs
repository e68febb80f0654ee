using System.Diagnostics;
using System.IO.Compression;
using System.Text.Json;

namespace Course.Cli.Tests;

/// <summary>The samples again, as an LMS's zip of one folder per student: the same gradebook as the folders.</summary>
public sealed partial class GradingSamplesTests
{
    [Fact]
    public void A_zip_of_the_sample_folders_grades_to_the_same_gradebook_as_the_folders()
    {
        using var temp = new TempFolder("course-grade-samples-zip-");
        string samples = Path.Combine(CourseTree.Root(), "autograder", "samples");
        // The folder zipped whole, as an instructor would: README.md beside the students' folders.
        string zip = temp.File("samples.zip");
        ZipFile.CreateFromDirectory(samples, zip, CompressionLevel.Optimal, includeBaseDirectory: true);
        string output = temp.File("out");

        var (code, log) = Grade(zip, "--out", output, "--jobs", "1");

        Assert.True(code == 0, log);
        Assert.Contains($"samples.zip: {SampleLines().Count} submission(s) (folder); ignored 1 file(s) of no student: samples/README.md.", log, StringComparison.Ordinal);
        // The same notebooks, byte for byte, as the grader reads them: each student's fingerprint is the folder's.
        foreach (var (name, _, _, _) in SampleLines())
        {
            using var zipped = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, name, "result.json")));
            Assert.Equal(_graded.Result(name).GetProperty("ContentHash").GetString(), zipped.RootElement.GetProperty("ContentHash").GetString());
        }

        // And graded to the same scores, check by check: what autograder/samples/README.md says of each folder. (Compared
        // with the README rather than with the folders' run: shuffles-data sits near a timing budget, and two runs
        // under load would double the chance of one of them missing it.)
        foreach (var (name, score, max, fails) in SampleLines())
        {
            using var zipped = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, name, "result.json")));
            var checks = Checks(zipped.RootElement.Clone());
            Assert.Equal(fails.Order(), checks.Where(c => c.Score < c.Points).Select(c => c.Id).Order());
            Assert.Equal((score, max), (checks.Sum(c => c.Score), checks.Sum(c => c.Points)));
        }

        var folders = CsvRows(File.ReadAllText(Path.Combine(_graded.Output, "gradebook.csv")));
        var gradebook = CsvRows(File.ReadAllText(Path.Combine(output, "gradebook.csv")));
        Assert.Equal([.. folders[0], "timestamp", "late_submission_penalty"], gradebook[0]);
        Assert.Equal(folders.Skip(1).Select(r => (r[0], r[^2])).Where(r => r.Item1 is not ("source" or "student")), gradebook.Skip(1).Select(r => (r[0], r[^4])));
        // A timestamp (the entries' times) and no penalty (no due date).
        Assert.All(gradebook.Skip(1), r => Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$", r[^2]));
        Assert.All(gradebook.Skip(1), r => Assert.Equal("0", r[^1]));
    }

    // RFC 4180 as the gradebook writes it: quoted fields may hold commas, doubled quotes and line breaks.
    internal static List<string[]> CsvRows(string csv)
    {
        var rows = new List<string[]>();
        var row = new List<string>();
        var field = new System.Text.StringBuilder();
        bool quoted = false;
        for (int i = 0; i < csv.Length; i++)
        {
            char c = csv[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < csv.Length && csv[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                row.Add(field.ToString());
                field.Clear();
            }
            else if (c == '\n')
            {
                row.Add(field.ToString());
                field.Clear();
                rows.Add([.. row]);
                row.Clear();
            }
            else if (c != '\r')
            {
                field.Append(c);
            }
        }

        return rows;
    }

    internal static (int Code, string Log) Grade(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(typeof(CourseCommand).Assembly.Location);
        start.ArgumentList.Add("grade");
        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        string stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, stdout.Result + stderr);
    }
}
