using System.Diagnostics;

namespace Course.Cli.Tests;

/// <summary>
/// Issue #19: the <c>course</c> script at the repository's root, which the README puts on the PATH. It builds the
/// command when the kit's sources changed since its last build, saying so on standard error while it builds, and
/// otherwise runs the built command at once. A stand-in <c>dotnet</c> records the builds, so the tests build nothing.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class CourseScriptTests : IDisposable
{
    private readonly TempFolder _folder = new("course-script-");
    private readonly string _stamp = Path.Combine(RepositoryFolder.Root(), "src", "Course.Cli", "bin", "Debug", "net10.0", ".course-built");

    public void Dispose()
    {
        // Left as a real build leaves it: the next ./course with the Debug build then needs no build.
        File.WriteAllText(_stamp, "");
        _folder.Dispose();
    }

    [Fact]
    public async Task A_first_run_builds_with_its_progress_on_standard_error_and_the_next_run_does_not()
    {
        File.Delete(_stamp);

        var first = await Script("grade", "--help");
        var second = await Script("grade", "--help");

        Assert.True(first.Code == 0, first.Error);
        Assert.StartsWith("course: building the kit for the first time (Debug; a few minutes", first.Error, StringComparison.Ordinal);
        Assert.Equal($"build {Path.Combine(RepositoryFolder.Root(), "src", "Course.Cli")} -c Debug -nologo -v:minimal\n", first.Builds);
        Assert.Contains("Usage:", first.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("building", first.Output, StringComparison.Ordinal);
        Assert.Equal((0, "", ""), (second.Code, second.Error, second.Builds));
        Assert.Equal(first.Output, second.Output);
    }

    [Fact]
    public async Task A_source_changed_since_the_last_build_is_built_again()
    {
        File.WriteAllText(_stamp, "");
        File.SetLastWriteTimeUtc(_stamp, new DateTime(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc));

        var run = await Script("--help");

        Assert.StartsWith("course: the kit's sources changed; building src/Course.Cli (Debug)...", run.Error, StringComparison.Ordinal);
        Assert.NotEqual("", run.Builds);
    }

    [Fact]
    public async Task A_failed_build_stops_with_its_exit_code_and_runs_nothing()
    {
        File.Delete(_stamp);

        var run = await Script(failBuild: true, "--help");

        Assert.Equal(3, run.Code);
        Assert.Equal("", run.Output);
        Assert.False(File.Exists(_stamp));
    }

    // Runs ./course with COURSE_CONFIGURATION=Debug and DOTNET set to a stand-in that records builds (and fails them
    // when asked) and passes anything else to the real dotnet.
    private async Task<(int Code, string Output, string Error, string Builds)> Script(bool failBuild, params string[] args)
    {
        string log = _folder.File("builds.log");
        string fake = _folder.File("dotnet");
        File.WriteAllText(log, "");
        File.WriteAllText(fake, $"""
            #!/usr/bin/env bash
            if [ "$1" = build ]; then echo "$*" >> '{log}'; exit {(failBuild ? 3 : 0)}; fi
            exec dotnet "$@"
            """.ReplaceLineEndings("\n"));
        File.SetUnixFileMode(fake, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = _folder.Path };
        start.ArgumentList.Add(Path.Combine(RepositoryFolder.Root(), "course"));
        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["COURSE_CONFIGURATION"] = "Debug";
        start.Environment["DOTNET"] = fake;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        string error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output, error, File.ReadAllText(log));
    }

    private Task<(int Code, string Output, string Error, string Builds)> Script(params string[] args) => Script(false, args);
}
