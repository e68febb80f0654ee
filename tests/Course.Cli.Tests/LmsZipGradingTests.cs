using System.IO.Compression;

namespace Course.Cli.Tests;

/// <summary>A Canvas export graded with a due date: the student recognised from Canvas's names, late by the zip's time, and penalised as told.</summary>
public sealed class LmsZipGradingTests
{
    private static readonly DateTimeOffset Due = new(2025, 3, 7, 23, 59, 0, TimeSpan.Zero);

    [Fact]
    public void A_canvas_zip_is_graded_as_the_folder_and_a_late_submission_loses_its_penalty()
    {
        using var temp = new TempFolder("course-grade-canvas-");
        string partial = Path.Combine(CourseTree.Root(), "autograder", "samples", "partial");
        string zip = temp.File("submissions.zip");
        using (var archive = ZipFile.Open(zip, ZipArchiveMode.Create))
        {
            int attachment = 900100;
            foreach (string notebook in Directory.GetFiles(partial, "*.ipynb").Order(StringComparer.Ordinal))
            {
                string name = Path.GetFileName(notebook);
                // Submitted again: Canvas names the file "-1"; the grader must still find the module's notebook.
                if (name.StartsWith("02-", StringComparison.Ordinal))
                {
                    name = Path.GetFileNameWithoutExtension(name) + "-1.ipynb";
                }

                var entry = archive.CreateEntry($"doejane_LATE_4711_{attachment++}_{name}");
                // 1 day and 6 hours late (ZipArchive writes no UTC extended timestamp: the DOS time is local time).
                entry.LastWriteTime = Due.AddHours(30).ToLocalTime();
                using var stream = entry.Open();
                stream.Write(File.ReadAllBytes(notebook));
            }
        }

        string output = temp.File("out");
        var (code, log) = GradingSamplesTests.Grade(zip, "--due", "2025-03-07T23:59:00Z", "--late-penalty", "10%/day", "--out", output, "--jobs", "1");

        Assert.True(code == 0, log);
        Assert.Contains("submissions.zip: 1 submission(s) (Canvas).", log, StringComparison.Ordinal);
        var gradebook = GradingSamplesTests.CsvRows(File.ReadAllText(Path.Combine(output, "gradebook.csv")));
        string[] cells = Assert.Single(gradebook, r => r[0] == "doejane_4711");
        string[] header = gradebook[0];
        string Cell(string column) => cells[Array.IndexOf(header, column)];
        // partial scores 38/109 (autograder/samples/README.md); two started days at 10% of 109 cost 21.8 points.
        Assert.Equal("38", Cell("raw_score"));
        Assert.Equal("109", Cell("max_score"));
        Assert.Equal("21.8", Cell("late_submission_penalty"));
        Assert.Equal("14.9", Cell("score"));
        Assert.Equal(Due.AddHours(30), DateTimeOffset.Parse(Cell("timestamp"), System.Globalization.CultureInfo.InvariantCulture));
    }
}
