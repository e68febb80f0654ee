using System.Diagnostics;
using System.Globalization;
using Course.Grading.Output;
using Course.Grading.Results;

namespace Course.Grading.Running;

/// <summary>
/// Grades a class: each submission in its own process, with a wall-time limit and a memory limit,
/// output capped, and its results written atomically the moment it finishes (feedback, Gradescope
/// results, then the gradebook and summary rewritten whole). A run that is killed loses at most the
/// submission in progress, and running again resumes: submissions whose content is unchanged keep
/// their earlier result.
/// </summary>
public sealed class GradingRun
{
    private readonly GradingRunOptions _options;

    /// <summary>Creates a run.</summary>
    /// <param name="options">Where and how to grade.</param>
    public GradingRun(GradingRunOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
    }

    /// <summary>The file holding a student's result in the output folder.</summary>
    /// <param name="outputDirectory">The output folder.</param>
    /// <param name="studentId">The student.</param>
    /// <returns>The path of <c>result.json</c>.</returns>
    public static string ResultPath(string outputDirectory, string studentId) => Path.Combine(outputDirectory, studentId, "result.json");

    /// <summary>Grades <paramref name="submissions"/> (folders of notebooks, or notebooks).</summary>
    /// <param name="submissions">The submissions; their names are the student ids.</param>
    /// <param name="studentIdOf">The student id of a submission path.</param>
    /// <param name="progress">Told about each submission as it finishes.</param>
    /// <param name="cancellationToken">Stops after the submission in progress.</param>
    /// <returns>Every result, including those kept from an earlier run.</returns>
    /// <exception cref="ArgumentException">Two submissions share a student id.</exception>
    public async Task<IReadOnlyList<SubmissionResult>> RunAsync(
        IReadOnlyList<string> submissions, Func<string, string> studentIdOf, Action<GradingProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(submissions);
        ArgumentNullException.ThrowIfNull(studentIdOf);
        var duplicate = submissions.GroupBy(studentIdOf).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException($"Two submissions have the student id '{duplicate.Key}': {string.Join(", ", duplicate)}.", nameof(submissions));
        }

        Directory.CreateDirectory(_options.OutputDirectory);
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
                string id = studentIdOf(submission);
                string fingerprint = _options.Fingerprint(submission);
                var earlier = ResultJson.TryRead(ResultPath(_options.OutputDirectory, id));
                SubmissionResult result;
                string what;
                if (!_options.Force && earlier is not null && earlier.ContentHash == fingerprint)
                {
                    result = earlier;
                    what = "unchanged, kept";
                }
                else
                {
                    result = await GradeInProcessAsync(submission, id, fingerprint, cancellationToken);
                    WriteStudentFiles(result);
                    what = result.Status;
                }

                lock (gate)
                {
                    results[i] = result;
                    // Rewritten whole after every submission: the gradebook always reflects every finished one.
                    WriteClassFiles([.. results.OfType<SubmissionResult>()]);
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

    private async Task<SubmissionResult> GradeInProcessAsync(string submission, string id, string fingerprint, CancellationToken cancellationToken)
    {
        string folder = Path.Combine(_options.OutputDirectory, id);
        Directory.CreateDirectory(folder);
        string resultFile = Path.Combine(folder, "grading", "result.json");
        string progressFile = Path.Combine(folder, "grading", "progress.jsonl");
        Directory.CreateDirectory(Path.GetDirectoryName(resultFile)!);
        File.Delete(resultFile);
        File.Delete(progressFile);

        var start = _options.GradingProcess(submission, resultFile, progressFile);
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.RedirectStandardInput = true;
        start.UseShellExecute = false;
        start.Environment["DOTNET_GCHeapHardLimit"] = "0x" + _options.MemoryLimitBytes.ToString("X", CultureInfo.InvariantCulture);
        var log = new CappedLog();
        var clock = Stopwatch.StartNew();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => log.Add(e.Data);
        process.ErrorDataReceived += (_, e) => log.Add(e.Data);
        process.Start();
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        bool timedOut = false;
        using (var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
        {
            limit.CancelAfter(_options.WallTimeLimit);
            try
            {
                await process.WaitForExitAsync(limit.Token);
            }
            catch (OperationCanceledException)
            {
                timedOut = !cancellationToken.IsCancellationRequested;
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync(CancellationToken.None);
            }
        }

        process.WaitForExit();
        AtomicFile.WriteAllText(Path.Combine(folder, "grading", "log.txt"), log.ToString());
        cancellationToken.ThrowIfCancellationRequested();
        var finished = ResultJson.TryRead(resultFile);
        if (finished is not null && !timedOut && process.ExitCode == 0)
        {
            return finished with { ContentHash = fingerprint, Seconds = clock.Elapsed.TotalSeconds };
        }

        var (status, reason) = Diagnose(timedOut, process.ExitCode, log);
        var finishedChecks = ResultJson.ReadProgress(progressFile).ToDictionary(c => c.Id);
        var checks = _options.AllChecks.Count == 0
            ? [.. finishedChecks.Values]
            : _options.AllChecks.Select(c => finishedChecks.GetValueOrDefault(c.Id) ?? c with { Score = 0, Status = "not run", Message = $"Not run: grading ended early ({status})." }).ToList();
        var notebooks = _options.Notebooks.Select(n => new NotebookOutcome(n, "not finished", [])).ToList();
        return new SubmissionResult(id, status, reason, notebooks, checks, fingerprint, clock.Elapsed.TotalSeconds);
    }

    private (string Status, string Reason) Diagnose(bool timedOut, int exitCode, CappedLog log)
    {
        string tail = log.Last(12);
        if (timedOut)
        {
            return ("timed out", $"Grading took longer than {_options.WallTimeLimit.TotalSeconds:0} s and was stopped (look for an infinite loop). Points are kept for the checks that finished before.");
        }

        if (tail.Contains("Stack overflow", StringComparison.OrdinalIgnoreCase))
        {
            return ("crashed", "Stack overflow: a method calls itself without end (unbounded recursion). Points are kept for the checks that finished before.");
        }

        if (tail.Contains("OutOfMemory", StringComparison.Ordinal) || exitCode == 137)
        {
            return ("out of memory", $"The submission used more than {_options.MemoryLimitBytes >> 20} MB of memory. Points are kept for the checks that finished before.");
        }

        if (exitCode == 0)
        {
            return ("exited early", "The submission ended the grading process before grading finished (does it call Environment.Exit?). Points are kept for the checks that finished before.");
        }

        return ("crashed", $"The grading process ended with exit code {exitCode}. Its last output: {tail}");
    }

    private void WriteStudentFiles(SubmissionResult result)
    {
        string folder = Path.Combine(_options.OutputDirectory, result.StudentId);
        AtomicFile.WriteAllText(Path.Combine(folder, "feedback.md"), FeedbackWriter.ToMarkdown(result));
        AtomicFile.WriteAllText(Path.Combine(folder, "feedback.html"), FeedbackWriter.ToHtml(result));
        AtomicFile.WriteAllText(Path.Combine(folder, "results.json"), GradescopeWriter.ToJson(result));
        // Last: its presence with a matching fingerprint is what lets a later run skip this student.
        ResultJson.Write(ResultPath(_options.OutputDirectory, result.StudentId), result);
    }

    private void WriteClassFiles(IReadOnlyList<SubmissionResult> results)
    {
        GradebookWriter.Write(Path.Combine(_options.OutputDirectory, "gradebook.csv"), results, _options.Notebooks);
        AtomicFile.WriteAllText(Path.Combine(_options.OutputDirectory, "summary.html"), ClassSummaryWriter.ToHtml(results));
    }
}
