using Course.Cli.Commands;

namespace Course.Cli.Tests.Commands;

/// <summary>
/// <c>course grade *</c> run inside the submissions folder: a submission's name the shell expands into the command
/// line must never become an option, an option's value or the end of options. Such a line is refused; names given
/// with a path or after <c>--</c> are submissions, whatever they look like.
/// </summary>
public sealed class GradeOptionNamesTests
{
    [Theory]
    [InlineData(new[] { "--no-sandbox", "alice" }, "--no-sandbox", "an option")]
    [InlineData(new[] { "alice", "--force" }, "--force", "an option")]
    [InlineData(new[] { "--source=evil", "alice" }, "--source=evil", "an option")]
    [InlineData(new[] { "--jobs:64", "alice" }, "--jobs:64", "an option")]
    [InlineData(new[] { "--out", "grades", "alice" }, "grades", "an option's value")]
    [InlineData(new[] { "--", "alice" }, "--", "the end of options (--)")]
    public void A_word_taken_as_syntax_that_names_an_entry_of_the_folder_is_a_clash(string[] args, string entry, string takenAs)
    {
        using var folder = new TempFolder("course-grade-names-");
        Directory.CreateDirectory(folder.File("alice"));
        Directory.CreateDirectory(folder.File(entry));

        var parse = CourseCommand.Parse(["grade", .. args]);

        Assert.Empty(parse.Errors);
        Assert.Equal(new OptionNameClash(entry, takenAs), OptionNameClash.Find(parse, folder.Path));
    }

    [Fact]
    public void A_dangling_link_or_a_plain_file_counts_as_an_entry_the_shell_would_list()
    {
        using var folder = new TempFolder("course-grade-names-");
        File.CreateSymbolicLink(folder.File("--no-sandbox"), folder.File("nowhere"));
        File.WriteAllText(folder.File("--force"), "");

        Assert.Equal("--no-sandbox", OptionNameClash.Find(CourseCommand.Parse(["grade", "--no-sandbox", "alice"]), folder.Path)?.Name);
        Assert.Equal("--force", OptionNameClash.Find(CourseCommand.Parse(["grade", "--force", "alice"]), folder.Path)?.Name);
    }

    [Theory]
    [InlineData("./--no-sandbox alice")]
    [InlineData("-- --no-sandbox alice")]
    [InlineData("--out out/grades alice")]
    public void Names_given_with_a_path_or_after_double_dash_are_submissions_not_options(string line)
    {
        string[] args = line.Split(' ');
        using var folder = new TempFolder("course-grade-names-");
        Directory.CreateDirectory(folder.File("--no-sandbox"));
        Directory.CreateDirectory(folder.File("alice"));

        var parse = CourseCommand.Parse(["grade", .. args]);

        Assert.Empty(parse.Errors);
        Assert.Null(OptionNameClash.Find(parse, folder.Path));
        Assert.False(parse.GetValue<bool>("--no-sandbox"));
        Assert.Equal(args.Where(a => a is not ("--" or "--out" or "out/grades")), parse.GetValue<string[]>("SUBMISSION"));
    }

    [Fact]
    public void An_argument_starting_with_at_is_a_submission_not_a_response_file()
    {
        using var folder = new TempFolder("course-grade-names-");
        File.WriteAllText(folder.File("evil"), "--no-sandbox\n");
        Directory.CreateDirectory(folder.File("@evil"));
        string before = Directory.GetCurrentDirectory();
        Directory.SetCurrentDirectory(folder.Path);
        try
        {
            var parse = CourseCommand.Parse(["grade", "@evil"]);

            Assert.Empty(parse.Errors);
            Assert.False(parse.GetValue<bool>("--no-sandbox"));
            Assert.Equal(["@evil"], parse.GetValue<string[]>("SUBMISSION")!);
            Assert.Null(OptionNameClash.Find(parse, folder.Path));
        }
        finally
        {
            Directory.SetCurrentDirectory(before);
        }
    }

    [Fact]
    public async Task Course_grade_star_beside_a_submission_named_no_sandbox_refuses_with_exit_code_2_and_grades_nothing()
    {
        using var folder = new TempFolder("course-grade-names-");
        Directory.CreateDirectory(folder.File("--no-sandbox"));
        Directory.CreateDirectory(folder.File("alice"));
        string output = folder.File("out");
        string before = Directory.GetCurrentDirectory();
        Directory.SetCurrentDirectory(folder.Path);
        try
        {
            // What the shell runs for `course grade --out OUT *` here.
            string[] expanded = [.. Directory.GetFileSystemEntries(".").Select(e => Path.GetFileName(e)!).Order(StringComparer.Ordinal)];
            CliRun run = await CliRun.Of(["grade", "--out", output, .. expanded]);

            Assert.Equal(2, run.ExitCode);
            Assert.Equal("course grade: '--no-sandbox' is both an option and a file in this folder: a shell wildcard may have expanded a submission's name; name submissions with a path (./*) or after --\n", run.Error);
            Assert.Equal(string.Empty, run.Output);
            Assert.False(Directory.Exists(output));
        }
        finally
        {
            Directory.SetCurrentDirectory(before);
        }
    }
}
