using System.Diagnostics;
using System.Globalization;
using Course.Grading.Output;
using Course.Grading.Results;
using Course.Grading.Sandboxing;
using Course.Notebooks.Files;

namespace Course.Grading.Running;

/// <summary>
/// Grades a class: each submission in its own process, with a wall-time limit, a CPU-time cap and a
/// memory limit, in a sandbox when one is given (and with a warning when not), output capped, and its
/// results written atomically the moment it finishes (feedback, Gradescope results, then the gradebook
/// and summary rewritten whole, with every student whose result is in the output folder: see <see cref="GradebookMerge"/>).
/// A run that is killed loses at most the submission in progress, and running again resumes: submissions whose
/// content is unchanged keep their earlier result.
/// </summary>
public sealed class GradingRun
{
    private readonly GradingRunOptions _options;
    private readonly TimeSpan _cpuTimeLimit;
    private readonly string? _prlimit = ResourceCaps.FindPrlimit();
    private GradebookMerge? _class;

    /// <summary>Creates a run.</summary>
    /// <param name="options">Where and how to grade.</param>
    /// <exception cref="ArgumentOutOfRangeException">A limit is zero or negative.</exception>
    public GradingRun(GradingRunOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.WallTimeLimit <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.WallTimeLimit,
                string.Create(CultureInfo.InvariantCulture, $"The wall-time limit must be positive, but was {options.WallTimeLimit.TotalSeconds} s."));
        }

        if (options.MemoryLimitBytes <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.MemoryLimitBytes,
                string.Create(CultureInfo.InvariantCulture, $"The memory limit must be positive, but was {options.MemoryLimitBytes} bytes."));
        }

        if (options.CpuTimeLimit is { } cpu && cpu <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(options), cpu,
                string.Create(CultureInfo.InvariantCulture, $"The CPU-time cap must be positive, but was {cpu.TotalSeconds} s."));
        }

        _options = options;
        _cpuTimeLimit = options.CpuTimeLimit ?? options.WallTimeLimit * 2;
    }

    /// <summary>
    /// How many students of the gradebook the last <see cref="RunAsync"/> kept from earlier runs in the output folder,
    /// beside those it graded.
    /// </summary>
    public int KeptFromEarlierRuns { get; private set; }

    /// <summary>The CPU time each grading process may use: <see cref="GradingRunOptions.CpuTimeLimit"/>, or twice the wall-time limit.</summary>
    public TimeSpan CpuTimeLimit => TimeSpan.FromSeconds(ResourceCaps.Seconds(_cpuTimeLimit));

    /// <summary>The file, in a student's output folder, holding the head and tail of what their runner printed.</summary>
    public const string LogFileName = "log.txt";

    /// <summary>The file, in a student's output folder, holding their result (and their real id, for the next run).</summary>
    public const string ResultFileName = StudentFiles.ResultFileName;

    /// <summary>
    /// The file holding a student's result in the output folder: <c>result.json</c> in their folder,
    /// <see cref="StudentFolder.NameOf"/> (so never outside the output folder, whatever the id). A student whose plain id
    /// differs only in case from another's in the same run has their hashed folder instead (<see cref="StudentFolder.NamesOf"/>).
    /// </summary>
    /// <param name="outputDirectory">The output folder.</param>
    /// <param name="studentId">The student.</param>
    /// <returns>The full path of <c>result.json</c>.</returns>
    public static string ResultPath(string outputDirectory, string studentId) =>
        Path.Combine(StudentFolder.PathIn(outputDirectory, StudentFolder.NameOf(studentId)), ResultFileName);

    /// <summary>Grades <paramref name="submissions"/> (folders of notebooks, or notebooks).</summary>
    /// <param name="submissions">The submissions; their names are the student ids.</param>
    /// <param name="studentIdOf">
    /// The student id of a submission path: any text but empty. It is data, never a path: each student's files go to
    /// the folder <see cref="StudentFolder"/> makes of it, inside the output folder.
    /// </param>
    /// <param name="progress">Told about each submission as it finishes.</param>
    /// <param name="cancellationToken">Stops after the submission in progress.</param>
    /// <returns>Every result, including those kept from an earlier run.</returns>
    /// <exception cref="ArgumentException">A submission's student id is empty, or two submissions share one.</exception>
    public async Task<IReadOnlyList<SubmissionResult>> RunAsync(
        IReadOnlyList<string> submissions, Func<string, string> studentIdOf, Action<GradingProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(submissions);
        ArgumentNullException.ThrowIfNull(studentIdOf);
        // Names in these messages are escaped: they reach a terminal, and a submission's name may hold anything.
        string[] ids = [.. submissions.Select(studentIdOf)];
        int empty = Array.FindIndex(ids, string.IsNullOrEmpty);
        if (empty >= 0)
        {
            throw new ArgumentException($"The submission '{TerminalText.Escape(submissions[empty])}' has an empty student id.", nameof(studentIdOf));
        }

        var duplicate = submissions.Zip(ids).GroupBy(p => p.Second, p => p.First, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException(
                $"Two submissions have the student id '{TerminalText.Escape(duplicate.Key)}': {string.Join(", ", duplicate.Select(TerminalText.Escape))}.", nameof(submissions));
        }

        var folders = StudentFolder.NamesOf(ids);
        // Read before anything is written: the gradebook is everyone whose result is in the output folder.
        _class = GradebookMerge.Load(_options.OutputDirectory, ids);
        KeptFromEarlierRuns = _class.Earlier.Count(k => !ids.Contains(k.Result.StudentId, StringComparer.Ordinal));
        if (_class.DroppedWarning(_options.OutputDirectory) is { } dropped)
        {
            _options.Warnings?.WriteLine(dropped);
        }

        Directory.CreateDirectory(_options.OutputDirectory);
        if (_options.Sandbox is null)
        {
            _options.Warnings?.Write(UnsandboxedBanner(_options.UnsandboxedReason));
        }

        try
        {
            return await GradeAllAsync(submissions, ids, folders, progress, cancellationToken);
        }
        finally
        {
            if (_options.Sandbox is null)
            {
                // Repeated once at the end, where it is seen after hundreds of progress lines.
                _options.Warnings?.WriteLine($"WARNING: these submissions were graded UNSANDBOXED ({_options.UnsandboxedReason}).");
            }
        }
    }

    /// <summary>The warning a run prints at its start when it grades without a sandbox.</summary>
    /// <param name="reason">Why there is no sandbox.</param>
    /// <returns>The banner, several lines.</returns>
    public static string UnsandboxedBanner(string reason)
    {
        string rule = new('=', 78);
        return $"""
            {rule}
            WARNING: submissions run UNSANDBOXED ({reason}).
            Their code runs with network access and can read and write whatever this user can:
            other students' submissions and results, and the instructor's sources with the solutions.
            Install the Debian package bubblewrap (bwrap) to sandbox them.
            {rule}

            """;
    }

    private async Task<IReadOnlyList<SubmissionResult>> GradeAllAsync(IReadOnlyList<string> submissions, IReadOnlyList<string> ids,
        IReadOnlyDictionary<string, string> folders, Action<GradingProgress>? progress, CancellationToken cancellationToken)
    {
        var results = new SubmissionResult?[submissions.Count];
        var gate = new Lock();
        int done = 0;
        using var slots = new SemaphoreSlim(Math.Max(1, _options.Parallelism));
        var tasks = submissions.Select(async (submission, i) =>
        {
            await slots.WaitAsync(cancellationToken);
            try
            {
                cancellationToken.ThrowIfCancellationRequested();
                string id = ids[i];
                string folder = StudentFolder.PathIn(_options.OutputDirectory, folders[id]);
                string? fingerprint = FingerprintOf(submission, out string? unreadable);
                var earlier = ResultJson.TryRead(Path.Combine(folder, ResultFileName));
                SubmissionResult result;
                string what;
                // The same id too: a folder an older layout (or anyone) left with another student's result is not theirs.
                if (!_options.Force && fingerprint is not null && earlier is not null && earlier.ContentHash == fingerprint && earlier.StudentId == id)
                {
                    result = earlier;
                    what = "unchanged, kept";
                }
                else
                {
                    result = fingerprint is null
                        ? NotRun(submission, id, "", SubmissionStatus.Crashed, $"The submission could not be read: {unreadable}", 0)
                        : await GradeInProcessAsync(submission, id, folder, fingerprint, cancellationToken);
                    StudentFiles.Write(result, folder);
                    what = StatusWords.Of(result.Status);
                }

                lock (gate)
                {
                    results[i] = result;
                    // Rewritten whole after every submission: the gradebook always reflects every finished one.
                    WriteClassFiles([.. results.OfType<SubmissionResult>()], folders);
                    done++;
                    progress?.Invoke(new GradingProgress(done, submissions.Count, id,
                        string.Create(CultureInfo.InvariantCulture, $"{what}: {result.Score:0.##}/{result.MaxScore:0.##}")));
                }
            }
            finally
            {
                slots.Release();
            }
        }).ToArray();
        await Task.WhenAll(tasks);
        return [.. results.OfType<SubmissionResult>()];
    }

    // The fingerprint, or null (and why) when the submission cannot be read at all: a name that is no path on this
    // system (bytes that are not UTF-8 arrive as U+FFFD), a file the grader may not read. One such submission gets a
    // result of its own (regraded next time: its fingerprint is empty); it does not stop the class's grading.
    private string? FingerprintOf(string submission, out string? unreadable)
    {
        try
        {
            unreadable = null;
            return _options.Fingerprint(submission);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            unreadable = e.Message;
            return null;
        }
    }

    private async Task<SubmissionResult> GradeInProcessAsync(string submission, string id, string folder, string fingerprint, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(folder);
        // The grading folder is the one place the runner may write (the sandbox's writable folder): emptied
        // first, so nothing an earlier attempt left there (by design or by a submission's code) carries over.
        string grading = Path.Combine(folder, "grading");
        Remove(grading);
        Directory.CreateDirectory(grading);

        ProcessStartInfo start;
        try
        {
            start = _options.Grader.Prepare(submission, grading);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            // One submission that cannot be prepared must not stop the class's grading.
            return NotRun(submission, id, fingerprint, SubmissionStatus.Crashed, $"The submission could not be prepared for grading: {e.Message}", 0);
        }

        EnvironmentAllowList.Apply(start);
        foreach (var (name, value) in ResourceCaps.MemoryEnvironment(_options.MemoryLimitBytes))
        {
            start.Environment[name] = value;
        }

        if (_options.Sandbox is { } sandbox)
        {
            start = sandbox.Wrap(start, grading);
        }

        start = ResourceCaps.Wrap(start, _cpuTimeLimit, _prlimit, ResourceCaps.AddressSpaceFor(_options.MemoryLimitBytes));
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.RedirectStandardInput = true;
        start.UseShellExecute = false;
        var log = new CappedLog();
        var clock = Stopwatch.StartNew();
        using var process = new Process { StartInfo = start };
        process.ErrorDataReceived += (_, e) => log.Add(e.Data);
        // Not process.Start() on this thread, which may be a thread-pool thread: the sandbox dies with
        // the thread that started it, and the pool retires idle threads (see ProcessStarter).
        await ProcessStarter.StartAsync(process);
        process.BeginErrorReadLine();

        SubmissionResult result;
        bool timedOut = false;
        using (var stopping = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
        {
            stopping.CancelAfter(_options.WallTimeLimit);
            // Killing the runner ends every call waiting on it, so a module's grading returns promptly.
            using var kill = stopping.Token.Register(() => Kill(process));
            var session = new GradingSession(process, id, grading, stopping.Token);
            try
            {
                result = await _options.Grader.GradeAsync(session);
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                result = NotRun(submission, id, fingerprint, SubmissionStatus.Crashed, $"Grading failed: {e.Message}", 0);
                session.RunnerEndedEarly = true;
            }

            timedOut = stopping.IsCancellationRequested && !cancellationToken.IsCancellationRequested;
            Kill(process);
            await process.WaitForExitAsync(CancellationToken.None);
            if (session.RunnerEndedEarly || timedOut)
            {
                var verdict = new RunnerDiagnosis(_options.WallTimeLimit, CpuTimeLimit, _options.MemoryLimitBytes).Of(timedOut, process.ExitCode, log, session.Activity);
                result = result with { Status = verdict.Status, Reason = verdict.Reason };
            }
        }

        // Nothing the runner made stays in the output folder (links to anywhere, sockets, pipes, the prepared copy):
        // the grading folder goes, and what the instructor keeps of it is the log, written here by this process.
        Remove(grading);
        string logFile = Path.Combine(folder, LogFileName);
        Remove(logFile);
        AtomicFile.WriteAllText(logFile, log.ToString());
        cancellationToken.ThrowIfCancellationRequested();
        // Whatever the runner says, the student is the one whose submission this is.
        return result with { StudentId = id, ContentHash = fingerprint, Seconds = clock.Elapsed.TotalSeconds };
    }

    private static void Kill(Process process)
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }

    // The result of a submission whose grading ended early: the checks that finished keep their
    // points, the other checks of what it is graded on are listed as not run, so the maximum score stays the module's
    // (a single notebook's, for a submission that is one notebook).
    private SubmissionResult NotRun(string submission, string id, string fingerprint, SubmissionStatus status, string reason, double seconds, IReadOnlyList<CheckOutcome>? finished = null)
    {
        var byId = (finished ?? []).GroupBy(c => c.Id).ToDictionary(g => g.Key, g => g.Last());
        var graded = _options.NotebooksOf?.Invoke(submission) ?? _options.Notebooks;
        // What a check is worth comes from the module, not from the file the grading process wrote.
        var checks = _options.AllChecks.Count == 0
            ? [.. byId.Values]
            : _options.AllChecks.Where(c => graded.Contains(c.Notebook) || !_options.Notebooks.Contains(c.Notebook)).Select(c => byId.GetValueOrDefault(c.Id) is { } done
                ? c with { Score = Math.Clamp(done.Score, 0, c.Points), Status = done.Status, Message = done.Message, Measured = done.Measured }
                : c with { Score = 0, Status = CheckOutcomeStatus.NotRun, Message = $"Not run: grading ended early ({StatusWords.Of(status)})." }).ToList();
        var notebooks = graded.Select(n => new NotebookOutcome(n, NotebookStatus.NotFinished, [])).ToList();
        return new SubmissionResult(id, status, reason, notebooks, checks, fingerprint, seconds);
    }

    // Removes a file, a link (not what it points to) or a folder and everything in it, even folders
    // a submission's code made unreadable to keep them.
    private static void Remove(string path)
    {
        var info = new FileInfo(path);
        if (info.LinkTarget is null && Directory.Exists(path))
        {
            try
            {
                Directory.Delete(path, recursive: true);
            }
            catch (UnauthorizedAccessException) when (!OperatingSystem.IsWindows())
            {
                MakeOwnFoldersOpen(path);
                Directory.Delete(path, recursive: true);
            }
        }
        else if (info.Exists || info.LinkTarget is not null)
        {
            info.Delete();
        }
    }

    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    private static void MakeOwnFoldersOpen(string folder)
    {
        File.SetUnixFileMode(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        foreach (var child in new DirectoryInfo(folder).EnumerateDirectories())
        {
            if (child.LinkTarget is null)
            {
                MakeOwnFoldersOpen(child.FullName);
            }
        }
    }

    private string SandboxNote() => _options.Sandbox is { } sandbox
        ? string.Create(CultureInfo.InvariantCulture,
            $"Graded in a sandbox (bubblewrap, {sandbox.BwrapPath}): no network, read-only system, only the submission's own folder writable; limits per submission: {_options.WallTimeLimit.TotalSeconds:0} s wall time, {CpuTimeLimit.TotalSeconds:0} s CPU time, {_options.MemoryLimitBytes >> 20} MB memory.")
        : string.Create(CultureInfo.InvariantCulture,
            $"Graded UNSANDBOXED ({_options.UnsandboxedReason}): submissions had network access and could read other submissions and the instructor's files; limits per submission: {_options.WallTimeLimit.TotalSeconds:0} s wall time, {CpuTimeLimit.TotalSeconds:0} s CPU time, {_options.MemoryLimitBytes >> 20} MB memory.");

    private void WriteClassFiles(IReadOnlyList<SubmissionResult> results, IReadOnlyDictionary<string, string> folders)
    {
        // The whole class, not this run's students only: regrading one student keeps everyone else's row.
        var (all, folderOf) = _class!.With(results, folders);
        GradebookWriter.Write(Path.Combine(_options.OutputDirectory, GradebookWriter.FileName), all, _options.Notebooks, _options.Lateness);
        AtomicFile.WriteAllText(Path.Combine(_options.OutputDirectory, ClassSummaryWriter.FileName), ClassSummaryWriter.ToHtml(all, SandboxNote(), folderOf));
    }
}
