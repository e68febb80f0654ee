using Course.Grading.Output;
using Course.Grading.Results;
using Course.Grading.Running;
using Course.Grading.Sandboxing;
using static Course.Grading.Tests.Results;

namespace Course.Grading.Tests;

/// <summary>The grading run's own steps alone: the diagnosis of a runner that ended early, and a student's files.</summary>
public sealed class StepTests
{
    private static readonly RunnerDiagnosis Diagnosis = new(TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(60), 512L << 20);

    [Fact]
    public void Out_of_wall_time_names_what_was_running()
    {
        var verdict = Diagnosis.Of(timedOut: true, 137, Log(), "check collate-time");

        Assert.Equal(new SubmissionVerdict(SubmissionStatus.TimedOut,
            "Grading took longer than 30 s and was stopped while running check collate-time (look for an infinite loop). Points are kept for the checks that finished before."), verdict);
    }

    [Theory]
    [InlineData(ResourceCaps.ExitCode, "", SubmissionStatus.TimedOut, "Grading used more than 60 s of CPU time")]
    [InlineData(134, "Stack overflow.", SubmissionStatus.Crashed, "Stack overflow: a method calls itself")]
    [InlineData(137, "", SubmissionStatus.OutOfMemory, "The submission used more than 512 MB of memory.")]
    [InlineData(134, "Out of memory.", SubmissionStatus.OutOfMemory, "The submission ran out of memory outside the managed heap (its cap is 512 MB")]
    [InlineData(134, "Aborted", SubmissionStatus.Crashed, "The grading process ended with exit code 134. Its last output: Aborted")]
    [InlineData(0, "", SubmissionStatus.ExitedEarly, "The submission ended the grading process before grading finished")]
    [InlineData(3, "boom", SubmissionStatus.Crashed, "The grading process ended with exit code 3. Its last output: boom")]
    public void A_runner_that_ended_early_is_told_by_its_exit_code_and_log(int exitCode, string logged, SubmissionStatus status, string reason)
    {
        var verdict = Diagnosis.Of(timedOut: false, exitCode, Log(logged), null);

        Assert.Equal(status, verdict.Status);
        Assert.StartsWith(reason, verdict.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_student_s_files_are_the_feedback_the_gradescope_results_and_the_result_that_reads_back()
    {
        string folder = Directory.CreateTempSubdirectory("student-files-").FullName;
        var result = Submission("amy", Check("x", "01-a.ipynb", 2, true), Check("y", "02-b.ipynb", 3, false));

        StudentFiles.Write(result, folder);

        Assert.Equal(["feedback.html", "feedback.md", "result.json", "results.json"], Directory.GetFiles(folder).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal(ResultJson.Serialize(result), ResultJson.Serialize(ResultJson.TryRead(Path.Combine(folder, StudentFiles.ResultFileName))!));
        Assert.Equal(FeedbackWriter.ToMarkdown(result), File.ReadAllText(Path.Combine(folder, FeedbackWriter.MarkdownFileName)));
        Directory.Delete(folder, recursive: true);
    }

    private static CappedLog Log(string text = "")
    {
        var log = new CappedLog();
        foreach (string line in text.Split('\n'))
        {
            log.Add(line);
        }

        return log;
    }
}
