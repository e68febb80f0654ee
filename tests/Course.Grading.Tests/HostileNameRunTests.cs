using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Course.Grading.Output;
using Course.Grading.Results;
using Course.Grading.Running;
using Course.Grading.Tests.Support;
using Markdig;

namespace Course.Grading.Tests;

/// <summary>
/// Names are data: a grading run given students whose ids are hostile (formulas, HTML, Markdown, control characters,
/// path steps, the run's own file names, very long or non-ASCII names) grades each into its own folder inside
/// <c>--out</c>, touches nothing outside it, and shows every id, escaped, in every output. Each id is graded beside a
/// plain one, with the scripted stand-in runner.
/// </summary>
public sealed partial class HostileNameRunTests : IDisposable
{
    private static readonly string[] Notebooks = ["01-a.ipynb", "02-b.ipynb"];
    private static readonly MarkdownPipeline Gfm = new MarkdownPipelineBuilder().UseAdvancedExtensions().Build();
    private readonly string _root = Directory.CreateTempSubdirectory("course-hostile-names-").FullName;

    public HostileNameRunTests()
    {
        // What a path step out of --out would reach first: the run removes "grading" and writes "log.txt" in a student's folder.
        Directory.CreateDirectory(Path.Combine(_root, "grading"));
        File.WriteAllText(Path.Combine(_root, "grading", "keep.txt"), "outside");
        File.WriteAllText(Path.Combine(_root, "log.txt"), "outside");
    }

    private string Out => Path.Combine(_root, "out");

    // By rm, not Directory.Delete: .NET cannot name the folder whose name is not UTF-8.
    public void Dispose() => Shell.Run(Shell.Bash("rm -rf -- \"$1\"", _root));

    [Theory]
    [MemberData(nameof(HostileNames.Labels), MemberType = typeof(HostileNames))]
    public async Task A_hostile_student_id_is_graded_into_its_own_folder_and_shown_escaped_everywhere(string label)
    {
        string id = HostileNames.Ids[label];
        var lines = new List<string>();

        var results = await Grade(["amy", id], p => lines.Add(TerminalReport.ProgressLine(p)));

        Assert.Equal(new[] { "amy", id }.Order(StringComparer.Ordinal), results.Select(r => r.StudentId).Order(StringComparer.Ordinal));
        Assert.All(results, r => Assert.Equal((SubmissionStatus.Graded, 5.0), (r.Status, r.Score)));
        AssertNothingOutsideOut();
        AssertOutHolds(["amy", StudentFolder.NameOf(id)]);
        Assert.Equal(id, ResultJson.TryRead(GradingRun.ResultPath(Out, id))!.StudentId);
        Assert.Equal("outside", File.ReadAllText(Path.Combine(_root, "log.txt")));
        Assert.Equal("outside", File.ReadAllText(Path.Combine(_root, "grading", "keep.txt")));

        AssertGradebookHolds(["amy", id]);
        AssertSummaryIsSafe(["amy", id]);
        AssertFeedbackIsSafe(id);
        lines.Add(TerminalReport.Table(results));
        AssertTerminalIsSafe(lines, expectedLines: 2 + 3);
    }

    [Fact]
    public async Task Every_hostile_id_in_one_run_gets_a_folder_and_a_result_of_its_own()
    {
        string[] ids = [.. HostileNames.Ids.Values.Prepend("amy")];

        var results = await Grade(ids);

        Assert.Equal(ids.Order(StringComparer.Ordinal), results.Select(r => r.StudentId).Order(StringComparer.Ordinal));
        AssertNothingOutsideOut();
        AssertOutHolds([.. ids.Select(StudentFolder.NameOf)]);
        Assert.All(ids, id => Assert.Equal(id, ResultJson.TryRead(GradingRun.ResultPath(Out, id))!.StudentId));
        AssertGradebookHolds(ids);
        AssertSummaryIsSafe(ids);
    }

    [Fact]
    public async Task A_rerun_finds_each_hostile_students_result_by_its_real_id_and_keeps_it()
    {
        string[] ids = [.. HostileNames.Ids.Values.Prepend("amy")];
        await Grade(ids);
        var second = new List<GradingProgress>();

        await Grade(ids, second.Add);

        Assert.All(second, p => Assert.StartsWith("unchanged, kept", p.What, StringComparison.Ordinal));
        Assert.Equal(ids.Length, second.Count);
    }

    [Fact]
    public async Task Ids_that_differ_only_in_case_get_folders_that_differ_even_on_a_case_insensitive_file_system()
    {
        var results = await Grade(["Amy", "amy", "bob"]);

        Assert.Equal(3, results.Count);
        var folders = Directory.GetDirectories(Out).Select(Path.GetFileName).ToArray();
        Assert.Equal(3, folders.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.Contains("bob", folders);
        Assert.Equal("Amy", ResultJson.TryRead(Path.Combine(Out, StudentFolder.HashedNameOf("Amy"), GradingRun.ResultFileName))!.StudentId);
        Assert.Equal("amy", ResultJson.TryRead(Path.Combine(Out, StudentFolder.HashedNameOf("amy"), GradingRun.ResultFileName))!.StudentId);
    }

    [Fact]
    public async Task An_empty_student_id_is_refused_naming_its_submission()
    {
        string[] subs = Submissions(2);
        var run = Run();

        var e = await Assert.ThrowsAsync<ArgumentException>(() => run.RunAsync(subs, s => s == subs[1] ? "" : "amy"));

        Assert.Equal("studentIdOf", e.ParamName);
        Assert.Contains($"The submission '{subs[1]}' has an empty student id.", e.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Out));
    }

    [Fact]
    public async Task Two_submissions_with_one_hostile_id_are_refused_with_the_id_shown_escaped()
    {
        string[] subs = Submissions(2);

        var e = await Assert.ThrowsAsync<ArgumentException>(() => Run().RunAsync(subs, _ => "\u001b[2Jx\ny"));

        Assert.Contains(@"'\x1b[2Jx\ny'", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\u001b', e.Message);
    }

    [Fact]
    public async Task A_folder_whose_name_is_not_utf8_gets_a_result_of_its_own_and_the_others_are_graded()
    {
        // .NET reads the name's bytes as U+FFFD: the path it has names nothing on disk, as with `course grade` given it.
        string parent = Path.Combine(_root, "subs");
        Directory.CreateDirectory(parent);
        var (exit, output) = Shell.Run(Shell.Bash("mkdir \"$1\"/$'caf\\xe9' && echo x > \"$1\"/$'caf\\xe9'/01-a.ipynb", parent));
        Assert.True(exit == 0, output);
        string notUtf8 = Assert.Single(Directory.GetDirectories(parent));
        string amy = Submissions(1)[0];

        var results = await Run().RunAsync([notUtf8, amy], s => s == amy ? "amy" : Path.GetFileName(s));

        var byId = results.ToDictionary(r => r.StudentId);
        Assert.Equal(5, byId["amy"].Score);
        var odd = byId["caf\uFFFD"];
        Assert.Equal(SubmissionStatus.Crashed, odd.Status);
        Assert.Contains("could not be read", odd.Reason, StringComparison.Ordinal);
        Assert.Equal(5, odd.MaxScore);
        AssertNothingOutsideOut();
        AssertGradebookHolds(["amy", "caf\uFFFD"]);
    }

    private async Task<IReadOnlyList<SubmissionResult>> Grade(string[] ids, Action<GradingProgress>? progress = null)
    {
        // On disk each submission has a plain name; the hostile id comes from studentIdOf, as SubmissionGrader.StudentIdOf
        // makes ".." of a notebook named "...ipynb".
        string[] subs = Submissions(ids.Length);
        var idOf = subs.Zip(ids).ToDictionary(p => p.First, p => p.Second);
        return await Run().RunAsync(subs, s => idOf[s], progress);
    }

    private GradingRun Run() => new(new GradingRunOptions
    {
        OutputDirectory = Out,
        Notebooks = Notebooks,
        Grader = new ScriptedGrader(ScriptedRunner.Start(_ => ScriptedRunner.Passes)),
        Fingerprint = path => string.Join(",", Directory.GetFiles(path).Order(StringComparer.Ordinal).Select(File.ReadAllText)),
        AllChecks = ScriptedRunner.AllChecks,
        WallTimeLimit = TimeSpan.FromSeconds(20),
        Parallelism = 2,
    });

    private string[] Submissions(int count) => [.. Enumerable.Range(0, count).Select(i =>
    {
        string dir = Path.Combine(_root, "subs", "s" + i.ToString(CultureInfo.InvariantCulture));
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, "01-a.ipynb"), "notebook " + i.ToString(CultureInfo.InvariantCulture));
        return dir;
    })];

    // Beside --out there is only what the test made: the submissions and the two files a path step would reach.
    private void AssertNothingOutsideOut()
    {
        Assert.Equal(["grading", "log.txt", "out", "subs"], Directory.GetFileSystemEntries(_root).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal(["keep.txt"], Directory.GetFileSystemEntries(Path.Combine(_root, "grading")).Select(Path.GetFileName));
        string outPrefix = Path.GetFullPath(Out) + Path.DirectorySeparatorChar;
        Assert.All(Directory.GetFileSystemEntries(Out, "*", SearchOption.AllDirectories), p => Assert.StartsWith(outPrefix, Path.GetFullPath(p), StringComparison.Ordinal));
    }

    // --out holds the two class files, as files, and one folder per student with that student's files, and nothing else.
    private void AssertOutHolds(string[] folders)
    {
        Assert.True(File.Exists(Path.Combine(Out, GradebookWriter.FileName)), "gradebook.csv is not a file.");
        Assert.True(File.Exists(Path.Combine(Out, ClassSummaryWriter.FileName)), "summary.html is not a file.");
        Assert.Equal(
            folders.Order(StringComparer.Ordinal),
            Directory.GetDirectories(Out).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal(folders.Length + 2, Directory.GetFileSystemEntries(Out).Length);
        foreach (string folder in folders)
        {
            Assert.Equal(
                [FeedbackWriter.HtmlFileName, FeedbackWriter.MarkdownFileName, GradingRun.LogFileName, GradingRun.ResultFileName, "results.json"],
                Directory.GetFileSystemEntries(Path.Combine(Out, folder)).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        }
    }

    private void AssertGradebookHolds(string[] ids)
    {
        var records = CsvRecords.Parse(File.ReadAllText(Path.Combine(Out, GradebookWriter.FileName)));
        Assert.Equal(ids.Length + 1, records.Count);
        Assert.All(records, r => Assert.Equal(records[0].Count, r.Count));
        Assert.Equal(ids.Order(StringComparer.Ordinal), records.Skip(1).Select(r => CsvRecords.Text(r[0])).Order(StringComparer.Ordinal));
        Assert.All(records.SelectMany(r => r), field => Assert.False(CsvRecords.LooksLikeFormula(field), $"A spreadsheet would run the field [{TerminalText.Escape(field)}]."));
    }

    private void AssertSummaryIsSafe(string[] ids)
    {
        string html = File.ReadAllText(Path.Combine(Out, ClassSummaryWriter.FileName));
        AssertHtmlIsSafe(html);
        var folders = StudentFolder.NamesOf(ids);
        foreach (string id in ids)
        {
            // The link goes to the student's folder by its safe name, and the id is shown as text.
            Assert.Contains($"<a href=\"{folders[id]}/feedback.html\">{HtmlText.Escape(id)}</a>", html, StringComparison.Ordinal);
        }

        Assert.All(Hrefs().Matches(html), m => Assert.Matches(@"^[A-Za-z0-9._~-]+/feedback\.html$", WebUtility.HtmlDecode(m.Groups[1].Value)));
    }

    private void AssertFeedbackIsSafe(string id)
    {
        string folder = Path.Combine(Out, StudentFolder.NameOf(id));
        string html = File.ReadAllText(Path.Combine(folder, FeedbackWriter.HtmlFileName));
        AssertHtmlIsSafe(html);
        Assert.Contains($"<h1>Feedback for {HtmlText.Escape(id)}</h1>", html, StringComparison.Ordinal);

        string markdown = File.ReadAllText(Path.Combine(folder, FeedbackWriter.MarkdownFileName));
        Assert.DoesNotContain(markdown, c => char.IsControl(c) && c != '\n');
        string rendered = Markdown.ToHtml(markdown, Gfm);
        Assert.DoesNotContain("<a ", rendered, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", rendered, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<script", rendered, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(2, Regex.Matches(rendered, "<table").Count); // one per notebook, none made by the id
        // The title shows the id as it is, its invisible characters made visible.
        string title = Regex.Match(rendered, "<h1[^>]*>(.*?)</h1>", RegexOptions.Singleline).Groups[1].Value;
        Assert.Equal("Feedback for " + TerminalText.Escape(id), WebUtility.HtmlDecode(Tags().Replace(title, "")));
    }

    private static void AssertHtmlIsSafe(string html)
    {
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("onmouseover=\"", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(html, c => char.IsControl(c) && c is not '\n' and not '\r' and not '\t');
        Assert.DoesNotContain('\u202E', html);
    }

    // No character a terminal acts on, and no more lines than were printed: a newline in an id forges none.
    private static void AssertTerminalIsSafe(List<string> printed, int expectedLines)
    {
        string all = string.Join("\n", printed).TrimEnd('\n');
        Assert.DoesNotContain(all, c => c != '\n' && (char.IsControl(c) || char.GetUnicodeCategory(c) is UnicodeCategory.Format));
        Assert.Equal(expectedLines, all.ReplaceLineEndings("\n").Split('\n').Length);
    }

    [GeneratedRegex("href=\"([^\"]*)\"")]
    private static partial Regex Hrefs();

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tags();
}
