using System.IO.Compression;

namespace Course.Cli.Tests.Commands;

/// <summary>
/// <c>course grade</c> given an LMS's zip or a late policy: what it refuses, with exit code 2 and a reason, before
/// anything is graded (the grading of a zip itself: <see cref="GradingSamplesTests"/> and <see cref="LmsZipGradingTests"/>).
/// </summary>
public sealed class GradeArchiveTests : IDisposable
{
    private readonly TempFolder _temp = new("course-grade-archive-");

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData("../../outside.ipynb", "its path has a '.' or '..' segment")]
    [InlineData("alice/01-dataset.ipynb", "it is a symbolic link")]
    public async Task A_zip_with_a_traversal_or_a_link_is_refused_with_the_entry_and_nothing_is_graded(string entryName, string reason)
    {
        string zip = _temp.File("class.zip");
        using (var archive = ZipFile.Open(zip, ZipArchiveMode.Create))
        {
            var good = archive.CreateEntry("bob/01-dataset.ipynb");
            using (var stream = good.Open())
            {
                stream.Write("{}"u8);
            }

            var evil = archive.CreateEntry(entryName);
            if (reason.Contains("link", StringComparison.Ordinal))
            {
                evil.ExternalAttributes = unchecked((int)(0xA1FFu << 16));
            }

            using var target = evil.Open();
            target.Write("/etc/shadow"u8);
        }

        CliRun run = await CliRunOf("grade", zip, "--out", _temp.File("out"));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"course grade: The archive '{zip}' was refused: entry 2 '{entryName}': {reason}", run.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(_temp.File("out/gradebook.csv")));
        Assert.False(File.Exists(_temp.File("outside.ipynb")));
    }

    [Fact]
    public async Task A_zip_of_no_students_submission_is_refused_saying_what_it_holds()
    {
        string zip = _temp.File("one-student.zip");
        using (var archive = ZipFile.Open(zip, ZipArchiveMode.Create))
        {
            archive.CreateEntry("01-dataset.ipynb");
            archive.CreateEntry("notes.txt");
        }

        CliRun run = await CliRunOf("grade", zip, "--out", _temp.File("out"));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"course grade: The archive '{zip}' holds no student's submission: it needs one folder per student, or files named as Canvas or Moodle name them (docs/GRADESCOPE.md); it holds 01-dataset.ipynb, notes.txt.", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "--late-penalty", "10%/week", "--due", "2025-03-07T23:59:00Z" }, "The late penalty '10%/week' is not one of")]
    [InlineData(new[] { "--due", "2025-03-07" }, "The due date '2025-03-07' is not an ISO 8601 date and time with a UTC offset")]
    [InlineData(new[] { "--late-penalty", "zero" }, "--late-penalty zero needs --due")]
    public async Task A_late_policy_it_cannot_read_is_refused_before_grading(string[] options, string message)
    {
        CliRun run = await CliRunOf(["grade", .. options, "--out", _temp.File("out"), "--", _temp.File("nobody")]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(message, run.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(_temp.File("out")));
    }

    private static Task<CliRun> CliRunOf(params string[] args) => CliRun.Of(args);
}
