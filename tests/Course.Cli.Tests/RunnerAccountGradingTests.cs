using System.Text.Json;
using Course.Cli.Tests.Adversarial;

namespace Course.Cli.Tests;

/// <summary>
/// <c>course grade --no-sandbox --runner-user</c>, as the Gradescope package grades where bubblewrap cannot run: a
/// sample grades as it does in the sandbox, and a submission that reads a file only root may read gets "access denied"
/// instead of its content.
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class RunnerAccountGradingTests
{
    [RequiresToolFact(typeof(RootAndRunnerAccount))]
    public void Unsandboxed_runners_as_the_account_grade_the_sample_alike_and_cannot_read_roots_files()
    {
        using var temp = new TempFolder("course-grade-runner-account-");
        string samples = Path.Combine(CourseTree.Root(), "autograder", "samples");
        string secrets = Directory.CreateDirectory(temp.File("instructor")).FullName;
        File.SetUnixFileMode(secrets, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        string secret = Path.Combine(secrets, "solutions.txt");
        File.WriteAllText(secret, "THE-REFERENCE-ANSWER");
        var thief = new CorpusSubmission(Path.Combine(samples, "partial"), temp.File("reads-roots-files"), new CorpusBatch(temp.Path, CourseTree.Root(), "", "", "", 0));
        thief.AppendToCell(AdversarialCorpus.TensorDataset, "tensordataset-impl", $$"""
            string stolen;
            try { stolen = System.IO.File.ReadAllText({{CorpusSubmission.Literal(secret)}}); }
            catch (Exception e) { stolen = "REFUSED:" + e.GetType().Name; }
            throw new InvalidOperationException("Read: " + stolen);
            """);
        string output = temp.File("out");

        var (code, log) = GradingSamplesTests.Grade(
            Path.Combine(samples, "partial"), thief.Folder, "--no-sandbox", "--runner-user", RootAndRunnerAccount.Account, "--out", output);

        Assert.True(code == 0, log);
        Assert.Contains($"runners run as the unprivileged account '{RootAndRunnerAccount.Account}'", log, StringComparison.Ordinal);
        using var partial = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "partial", "result.json")));
        Assert.Equal(38, partial.RootElement.GetProperty("Checks").EnumerateArray().Sum(c => c.GetProperty("Score").GetDouble()));
        string stolen = File.ReadAllText(Path.Combine(output, "reads-roots-files", "result.json"));
        Assert.Contains("Read: REFUSED:UnauthorizedAccessException", stolen, StringComparison.Ordinal);
        Assert.DoesNotContain("THE-REFERENCE-ANSWER", string.Concat(Directory.GetFiles(output, "*", SearchOption.AllDirectories).Select(File.ReadAllText)), StringComparison.Ordinal);
    }

    [RequiresToolFact(typeof(RootAndRunnerAccount))]
    public async Task Runners_as_one_account_are_graded_one_at_a_time()
    {
        CliRun run = await CliRun.Of("grade", "--runner-user", RootAndRunnerAccount.Account, "--jobs", "2", "--", "nobody-graded");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--runner-user grades one submission at a time, but --jobs was 2.", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_account_that_does_not_exist_is_refused_naming_it()
    {
        CliRun run = await CliRun.Of("grade", "--runner-user", "no-such-account-here", "--", "nobody-graded");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("course grade: --runner-user: ", run.Error, StringComparison.Ordinal);
        Assert.Contains("no-such-account-here", run.Error, StringComparison.Ordinal);
    }
}
