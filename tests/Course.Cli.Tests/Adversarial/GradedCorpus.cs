using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.RegularExpressions;
using Course.Notebooks.Format;

namespace Course.Cli.Tests.Adversarial;

/// <summary>
/// Builds the whole adversarial corpus plus one correct submission and grades them in ONE
/// <c>course grade</c> batch (in-process, two submissions at a time, beside two CPU-bound processes), as a class would
/// be graded on a busy machine: the tests then read each result. The sandbox cases join the batch only where the sandbox tests run.
/// Set <c>COURSE_KEEP_ADVERSARIAL=1</c> to keep the batch's folder for a look after a failure.
/// </summary>
public sealed partial class GradedCorpus : IAsyncLifetime
{
    /// <summary>The correct submission's student id.</summary>
    public const string Correct = "correct";

    /// <summary>Limits of the batch: --timeout (seconds per submission), --memory (MB), -j.</summary>
    public const int TimeoutSeconds = 120, MemoryMegabytes = 1024, Jobs = 2;

    /// <summary>Full marks of module 05.</summary>
    public const double FullMarks = 109;

    /// <summary>A variable of the grader's environment holding a secret, set while the batch grades.</summary>
    public const string EnvironmentSecretName = "DOTNET_GRADER_FEED_TOKEN";

    /// <summary>The secret in <see cref="EnvironmentSecretName"/>.</summary>
    public string EnvironmentSecret { get; } = "TOKEN-" + Guid.NewGuid().ToString("N");

    private readonly Dictionary<string, string[]> _reasons = [];
    private readonly Dictionary<string, string[]> _secrets = [];
    private TcpListener? _listener;

    /// <summary>The batch's temporary folder.</summary>
    public string Root { get; private set; } = "";

    /// <summary>The grading output (-o).</summary>
    public string Output { get; private set; } = "";

    /// <summary>What the attacks aim at.</summary>
    public CorpusBatch Batch { get; private set; } = null!;

    /// <summary>The cases graded in the batch.</summary>
    public IReadOnlyList<CorpusCase> Cases { get; private set; } = [];

    /// <summary>What <c>course grade</c> returned and printed.</summary>
    public CliRun Run { get; private set; } = null!;

    /// <summary>How long the batch took to grade (building the corpus excluded).</summary>
    public TimeSpan Duration { get; private set; }

    /// <summary>Whether anything connected to the listener the network case aims at.</summary>
    public bool ListenerWasReached => _listener!.Pending();

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        string course = CourseTree.Root();
        string template = Path.Combine(course, "autograder", "samples", "complete-different");
        Root = Directory.CreateTempSubdirectory("course-adversarial-").FullName;
        string submissions = Path.Combine(Root, "submissions");
        Output = Path.Combine(Root, "out");
        _listener = new TcpListener(IPAddress.Loopback, 0);
        _listener.Start();
        Batch = new CorpusBatch(Root, course, Path.Combine(submissions, Correct), "SECRET-" + Guid.NewGuid().ToString("N"),
            Path.Combine(Root, "written-outside-the-output.txt"), ((IPEndPoint)_listener.LocalEndpoint).Port);

        new CorpusSubmission(template, Batch.CorrectFolder, Batch)
            .AddMarkdownCell(AdversarialCorpus.Dataset, $"My private notes: {Batch.CorrectSecret}");
        Cases = AdversarialCorpus.All.Where(c => !c.NeedsSandbox || ToolGate.Runs(typeof(Bubblewrap))).ToList();
        foreach (var corpusCase in Cases)
        {
            _reasons[corpusCase.Name] = corpusCase.Break(new CorpusSubmission(template, Path.Combine(submissions, corpusCase.Name), Batch));
        }

        _secrets["reads-another-submission"] = [Batch.CorrectSecret];
        // A token in the grader's environment, named as the .NET tools name theirs: student code must never see it.
        _secrets["reads-the-environment"] = [EnvironmentSecret];
        Environment.SetEnvironmentVariable(EnvironmentSecretName, EnvironmentSecret);
        _secrets["reads-hidden-specs"] = Batch.HiddenFiles.Select(f => SecretLine(f, template, course)).ToArray();

        string[] args =
        [
            "grade", Batch.CorrectFolder, .. Cases.Select(c => Path.Combine(submissions, c.Name)),
            "-o", Output, "-j", Jobs.ToString(CultureInfo.InvariantCulture), "--timeout", TimeoutSeconds.ToString(CultureInfo.InvariantCulture),
            "--memory", MemoryMegabytes.ToString(CultureInfo.InvariantCulture),
        ];
        var clock = Stopwatch.StartNew();
        try
        {
            // Beside two CPU-bound processes, as the bundled samples are graded: what a case is graded as must not
            // move with the machine's load (issue #15).
            using var burners = new CpuBurners(CpuBurners.BesideGrading);
            Run = await CliRun.Of(args);
        }
        finally
        {
            Environment.SetEnvironmentVariable(EnvironmentSecretName, null);
        }

        Duration = clock.Elapsed;
    }

    /// <inheritdoc />
    public Task DisposeAsync()
    {
        _listener?.Stop();
        _listener?.Dispose();
        if (Environment.GetEnvironmentVariable("COURSE_KEEP_ADVERSARIAL") != "1")
        {
            try
            {
                Directory.Delete(Root, recursive: true);
            }
            catch (IOException)
            {
                // Left for the OS to clean up.
            }
        }

        return Task.CompletedTask;
    }

    /// <summary>The text a case's reason must contain.</summary>
    /// <param name="name">The case.</param>
    /// <returns>The fragments.</returns>
    public IReadOnlyList<string> ReasonFragments(string name) => _reasons[name];

    /// <summary>Text that must not appear anywhere in a reading case's results.</summary>
    /// <param name="name">The case.</param>
    /// <returns>The secrets.</returns>
    public IReadOnlyList<string> Secrets(string name) => _secrets[name];

    /// <summary>The result of a student, or null when the run wrote none.</summary>
    /// <param name="studentId">The student.</param>
    /// <returns>The result.</returns>
    public Graded? Result(string studentId)
    {
        string path = ResultFile(studentId);
        return File.Exists(path) ? Graded.Of(studentId, JsonDocument.Parse(File.ReadAllText(path)).RootElement) : null;
    }

    /// <summary>A file of a student's output folder.</summary>
    /// <param name="studentId">The student.</param>
    /// <param name="relative">The file, relative to the student's folder.</param>
    /// <returns>The path.</returns>
    public string StudentFile(string studentId, string relative) => Path.Combine(Output, studentId, relative);

    /// <summary>The student's result.json.</summary>
    /// <param name="studentId">The student.</param>
    /// <returns>The path.</returns>
    public string ResultFile(string studentId) => StudentFile(studentId, "result.json");

    /// <summary>What <c>course grade</c> printed, for failure messages.</summary>
    /// <returns>Its output and errors.</returns>
    public string Log() => $"course grade exited {Run.ExitCode} after {Duration.TotalSeconds:0} s:\n{Run.Output}\n{Run.Error}";

    // A line of a hidden file that a leak would carry and nothing else would: long, made only of
    // characters that JSON and HTML leave as they are, and in no notebook a student has.
    private static string SecretLine(string file, string template, string course)
    {
        var lines = Path.GetExtension(file) == ".ipynb"
            ? NotebookFile.Load(file).Cells.SelectMany(c => c.Source.Split('\n'))
            : File.ReadAllLines(file);
        string studentText = string.Concat(
            Directory.GetFiles(template, "*.ipynb").Concat(Directory.GetFiles(Path.Combine(course, "notebooks", "student"), "*.ipynb"))
                .Select(f => string.Concat(NotebookFile.Load(f).Cells.Select(c => c.Source + "\n"))));
        return lines.Select(l => l.Trim()).Where(l => l.Length >= 30 && PlainText().IsMatch(l) && !studentText.Contains(l, StringComparison.Ordinal))
            .OrderByDescending(l => l.Length).ThenBy(l => l, StringComparer.Ordinal).FirstOrDefault()
            ?? throw new InvalidOperationException($"No distinctive line found in {file} to look for in the attacker's results.");
    }

    [GeneratedRegex(@"^[A-Za-z0-9 ,.;:()=_\[\]-]+$")]
    private static partial Regex PlainText();
}

/// <summary>One student's result.json, as the tests read it.</summary>
/// <param name="StudentId">The student.</param>
/// <param name="Status">The status.</param>
/// <param name="Reason">The reason.</param>
/// <param name="Seconds">Wall time spent grading it.</param>
/// <param name="Checks">Every check.</param>
public sealed record Graded(string StudentId, string Status, string Reason, double Seconds, IReadOnlyList<GradedCheck> Checks)
{
    /// <summary>Points earned.</summary>
    public double Score => Checks.Sum(c => c.Score);

    /// <summary>Points available.</summary>
    public double MaxScore => Checks.Sum(c => c.Points);

    /// <summary>Reads a result.json.</summary>
    /// <param name="studentId">The student.</param>
    /// <param name="json">The file's root.</param>
    /// <returns>The result.</returns>
    public static Graded Of(string studentId, JsonElement json) => new(
        studentId,
        json.GetProperty("Status").GetString() ?? "",
        json.GetProperty("Reason").GetString() ?? "",
        json.GetProperty("Seconds").GetDouble(),
        json.GetProperty("Checks").EnumerateArray().Select(c => new GradedCheck(
            c.GetProperty("Id").GetString()!, c.GetProperty("GradeId").GetString()!, c.GetProperty("Notebook").GetString()!,
            c.GetProperty("Points").GetDouble(), c.GetProperty("Score").GetDouble(), c.GetProperty("Status").GetString()!,
            c.GetProperty("Message").GetString()!)).ToList());

    /// <summary>The result in one line, for assertion messages.</summary>
    /// <returns>Student, status, reason and score.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{StudentId}: status \"{Status}\", reason \"{Reason}\", score {Score:0.##}/{MaxScore:0.##}, {Seconds:0} s");
}

/// <summary>One check of a result.</summary>
/// <param name="Id">The check's id.</param>
/// <param name="GradeId">Its check cell's grade_id.</param>
/// <param name="Notebook">Its notebook.</param>
/// <param name="Points">Points available.</param>
/// <param name="Score">Points earned.</param>
/// <param name="Status">passed, failed, ...</param>
/// <param name="Message">What was expected and seen.</param>
public sealed record GradedCheck(string Id, string GradeId, string Notebook, double Points, double Score, string Status, string Message)
{
    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Id} ({Notebook}): {Score:0.##}/{Points:0.##} {Status} {Message}");
}
