using Course.Cli.Commands;

namespace Course.Cli.Tests.Commands;

public sealed class ValidateCommandTests
{
    /// <summary>Writes DIR/source/ex.ipynb and releases it into DIR/student with the real command.</summary>
    private static async Task<(string Source, string Student)> Pair(TempFolder folder, string solution)
    {
        string source = ExerciseNotebooks.WriteSource(folder.File("course/source/ex.ipynb"), solution);
        CliRun release = await CliRun.Of("release", source, "--out", folder.File("course/student"));
        Assert.Equal(0, release.ExitCode);
        return (source, folder.File("course/student/ex.ipynb"));
    }

    private static string[] Verdicts(CliRun run) =>
        run.Output.Split('\n').Where(line => line.StartsWith("PASS ", StringComparison.Ordinal) || line.StartsWith("FAIL ", StringComparison.Ordinal)).ToArray();

    [Fact]
    public async Task A_correct_source_and_its_current_release_both_pass()
    {
        using var folder = new TempFolder();
        (string source, string student) = await Pair(folder, ExerciseNotebooks.CorrectSolution);

        CliRun run = await CliRun.Of("validate", folder.File("course"));

        Assert.True(run.ExitCode == 0, run.Output + run.Error);
        Assert.Equal(
            [$"PASS {source}: runs clean; 1 graded cell, 6 checks passed", $"PASS {student}: up to date, compiles; 1 graded cell, 6 checks not implemented"],
            Verdicts(run).Select(line => line[..line.LastIndexOf(" (", StringComparison.Ordinal)]));
        Assert.Contains($"[1/2] {source}\n", run.Output, StringComparison.Ordinal);
        Assert.Equal("2 passed, 0 failed", run.LastLine);
    }

    [Fact]
    public async Task A_source_whose_check_fails_is_a_FAIL_naming_the_cell_and_check()
    {
        using var folder = new TempFolder();
        (string source, string student) = await Pair(folder, ExerciseNotebooks.WrongSolution);

        CliRun run = await CliRun.Of("validate", folder.File("course"));

        Assert.Equal(ValidateCommand.ExitFailed, run.ExitCode);
        string[] verdicts = Verdicts(run);
        Assert.StartsWith($"FAIL {source}: cell 4 (tensordataset): check tensordataset-negative-index Failed: ", verdicts[0], StringComparison.Ordinal);
        Assert.StartsWith($"PASS {student}", verdicts[1], StringComparison.Ordinal);
        Assert.Equal("1 passed, 1 failed", run.LastLine);
    }

    [Fact]
    public async Task A_student_notebook_that_does_not_compile_is_a_FAIL()
    {
        using var folder = new TempFolder();
        (string source, string student) = await Pair(folder, ExerciseNotebooks.LeakySolution);

        CliRun run = await CliRun.Of("validate", folder.File("course"));

        Assert.Equal(ValidateCommand.ExitFailed, run.ExitCode);
        string[] verdicts = Verdicts(run);
        Assert.StartsWith($"PASS {source}", verdicts[0], StringComparison.Ordinal);
        // With both kernels, each kernel's finding is listed prefixed by the kernel, and the verdict line names the first.
        bool both = run.Output.Contains("Kernels: kit, dotnet-interactive", StringComparison.Ordinal);
        Assert.True(verdicts[1].StartsWith($"FAIL {student}: {(both ? "[kit] " : "")}cell 3: does not compile: ", StringComparison.Ordinal), run.Output);
        Assert.Contains("error CS0103: The name 'kept' does not exist in the current context", verdicts[1], StringComparison.Ordinal);
        if (both)
        {
            Assert.Contains("    - [dotnet-interactive] cell 3: does not compile: (8,20): error CS0103: The name 'kept' does not exist", run.Output, StringComparison.Ordinal);
        }

        Assert.Equal("1 passed, 1 failed", run.LastLine);
    }

    [Fact]
    public async Task A_stale_or_missing_student_notebook_is_a_FAIL_that_says_to_run_release()
    {
        using var folder = new TempFolder();
        (_, string student) = await Pair(folder, ExerciseNotebooks.CorrectSolution);
        File.WriteAllText(student, File.ReadAllText(student).Replace("\"# TensorDataset\"", "\"# TensorDataset (old)\"", StringComparison.Ordinal));
        string lonely = ExerciseNotebooks.WriteSource(folder.File("course/source/lonely.ipynb"), ExerciseNotebooks.CorrectSolution);

        CliRun run = await CliRun.Of("validate", folder.File("course"));

        Assert.Equal(ValidateCommand.ExitFailed, run.ExitCode);
        string[] verdicts = Verdicts(run);
        Assert.Contains($"FAIL {student}: stale: differs from a fresh release of {folder.File("course/source/ex.ipynb")}; run `course release`", verdicts);
        Assert.Contains($"FAIL {folder.File("course/student/lonely.ipynb")}: missing: there is no student version of {lonely}; run `course release`", verdicts);
        Assert.Equal("2 passed, 2 failed", run.LastLine);
    }

    [Fact]
    public async Task A_student_notebook_with_a_nuget_reference_is_a_FAIL()
    {
        using var folder = new TempFolder();
        (_, string student) = await Pair(folder, ExerciseNotebooks.CorrectSolution);
        File.WriteAllText(student, File.ReadAllText(student).Replace("\"#r \\\"", "\"#r \\\"nuget: Plotly.NET, 6.0.0\\\"\\n\",\n    \"#r \\\"", StringComparison.Ordinal));

        CliRun run = await CliRun.Of("validate", folder.File("course"));

        string studentLine = Verdicts(run)[1];
        Assert.StartsWith($"FAIL {student}: stale", studentLine, StringComparison.Ordinal);
        Assert.Contains("    - cell 2, line 1: #r \"nuget: …\" is not allowed", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_demo_cell_that_fails_only_because_an_exercise_is_unfinished_is_a_note_not_a_failure()
    {
        using var folder = new TempFolder();
        string source = ExerciseNotebooks.WriteSource(folder.File("course/source/ex.ipynb"), ExerciseNotebooks.CorrectSolution, demo: true);
        await CliRun.Of("release", source, "--out", folder.File("course/student"));
        string student = folder.File("course/student/ex.ipynb");

        CliRun run = await CliRun.Of("validate", folder.File("course"));

        Assert.True(run.ExitCode == 0, run.Output + run.Error);
        Assert.StartsWith($"PASS {student}: up to date, compiles; 1 graded cell, 6 checks not implemented", Verdicts(run)[1], StringComparison.Ordinal);
        Assert.True(run.Output.Contains("    note: cell 5: System.NullReferenceException: ", StringComparison.Ordinal), run.Output);
        Assert.DoesNotContain("note: cell 4", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_folder_without_notebooks_is_bad_input()
    {
        using var folder = new TempFolder();

        CliRun run = await CliRun.Of("validate", folder.Path);

        Assert.Equal(ValidateCommand.ExitBadInput, run.ExitCode);
        Assert.Contains($"error: {folder.Path}: no source/ or student/ folder to validate", run.Error, StringComparison.Ordinal);
    }
}
