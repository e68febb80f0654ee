using System.Diagnostics;
using System.IO.Compression;
using System.Text.Json;
using Course.Cli.Gradescope;
using Course.Grading.Output;

namespace Course.Cli.Tests.Gradescope;

/// <summary>
/// The package as Gradescope would run it, as far as it can be run here: built, unpacked into an <c>/autograder</c>
/// layout in a temporary folder (<c>source/</c>, <c>run_autograder</c> copied beside it, <c>submission/</c>,
/// <c>results/</c>), <c>run_autograder</c> run with this machine's dotnet, and its results.json compared with what
/// <c>course grade</c> gives the same submission: the same score and the same tests, check by check.
/// </summary>
public sealed class GradescopeRoundTripTests
{
    [Fact]
    public void Run_autograder_grades_a_sample_exactly_as_course_grade_grades_its_folder() => RoundTrip(withoutBubblewrap: false);

    /// <summary>
    /// As in a Gradescope container where bubblewrap cannot run: run_autograder is given a PATH without bwrap, so
    /// grading is unsandboxed and, grading as root, runs the student's code as the package's runner account.
    /// </summary>
    [RequiresToolFact(typeof(RootAndRunnerAccount))]
    public void Without_bubblewrap_run_autograder_grades_as_the_runner_account_to_the_same_result() => RoundTrip(withoutBubblewrap: true);

    private static void RoundTrip(bool withoutBubblewrap)
    {
        using var temp = new TempFolder("course-gradescope-roundtrip-");
        // A sample that passes some checks and fails others, none of them near a timing budget.
        string sample = Path.Combine(CourseTree.Root(), "autograder", "samples", "partial");
        var package = GradescopePackage.Build(new GradescopePackageOptions
        {
            GraderFolder = BuiltGrader.Folder,
            SourceFolder = Path.Combine(CourseTree.Root(), "notebooks", "source"),
            OutputPath = temp.File("autograder.zip"),
            Settings = new GradescopeSettings { HiddenVisibility = GradescopeWriter.Hidden },
        });
        string root = Unpack(package.Path, temp.File("autograder"));
        foreach (string file in Directory.GetFiles(sample))
        {
            File.Copy(file, Path.Combine(root, "submission", Path.GetFileName(file)));
        }

        var (code, log) = RunAutograder(root, withoutBubblewrap ? ToolsWithoutBubblewrap(temp.File("bin")) : null);
        var (localCode, localLog) = GradingSamplesTests.Grade(sample, "--out", temp.File("local"), "--jobs", "1");

        Assert.True(code == 0, log);
        Assert.True(localCode == 0, localLog);
        using var gradescope = JsonDocument.Parse(File.ReadAllText(Path.Combine(root, "results", "results.json")));
        using var local = JsonDocument.Parse(File.ReadAllText(Path.Combine(temp.File("local"), "partial", "results.json")));
        Assert.Equal(38, gradescope.RootElement.GetProperty("score").GetDouble());
        Assert.Equal(local.RootElement.GetProperty("score").GetDouble(), gradescope.RootElement.GetProperty("score").GetDouble());
        Assert.Equal(local.RootElement.GetProperty("output").GetString(), gradescope.RootElement.GetProperty("output").GetString());
        Assert.True(gradescope.RootElement.GetProperty("execution_time").GetInt32() > 0);
        var ours = gradescope.RootElement.GetProperty("tests").EnumerateArray().ToArray();
        var theirs = local.RootElement.GetProperty("tests").EnumerateArray().ToArray();
        Assert.Equal(theirs.Length, ours.Length);
        for (int i = 0; i < ours.Length; i++)
        {
            string name = theirs[i].GetProperty("name").GetString()!;
            Assert.Equal(name, ours[i].GetProperty("name").GetString());
            foreach (string field in new[] { "output", "status" })
            {
                Assert.True(theirs[i].GetProperty(field).GetString() == ours[i].GetProperty(field).GetString(), $"{name}: {field} differs");
            }

            foreach (string field in new[] { "score", "max_score" })
            {
                Assert.True(theirs[i].GetProperty(field).GetDouble() == ours[i].GetProperty(field).GetDouble(), $"{name}: {field} differs");
            }

            // The package was built with --hidden hidden: a hidden check (after_published locally) is never shown.
            string visibility = theirs[i].GetProperty("visibility").GetString()!;
            Assert.Equal(visibility == GradescopeWriter.AfterPublished ? GradescopeWriter.Hidden : visibility, ours[i].GetProperty("visibility").GetString());
        }

        Assert.Contains(ours, t => t.GetProperty("visibility").GetString() == GradescopeWriter.Hidden);
        Assert.Contains("results.json written: 38/109 (graded).", log, StringComparison.Ordinal);
        if (withoutBubblewrap)
        {
            Assert.Contains($"UNSANDBOXED (bwrap was not found on PATH; runners run as the unprivileged account '{GradescopeSettings.DefaultRunnerAccount}')", log, StringComparison.Ordinal);
        }
    }

    // A PATH with what run_autograder and grading call, but no bwrap: the tools are linked into a folder of their own.
    private static string ToolsWithoutBubblewrap(string folder)
    {
        Directory.CreateDirectory(folder);
        foreach (string tool in new[] { "bash", "sh", "dotnet", "setpriv", "chown", "prlimit", "kill", "id" })
        {
            string? found = Environment.GetEnvironmentVariable("PATH")!.Split(':').Select(d => Path.Combine(d, tool)).FirstOrDefault(File.Exists);
            if (found is not null)
            {
                File.CreateSymbolicLink(Path.Combine(folder, tool), found);
            }
        }

        return folder;
    }

    [Fact]
    public void A_submission_uploaded_as_a_folder_is_found_inside_it_and_a_missing_one_still_gets_results()
    {
        using var temp = new TempFolder("course-gradescope-nested-");
        string[] notebooks = ["01-dataset.ipynb", "02-tensordataset.ipynb"];
        string submission = temp.File("submission");
        Directory.CreateDirectory(Path.Combine(submission, "module05"));
        Directory.CreateDirectory(Path.Combine(submission, "__MACOSX"));
        File.WriteAllText(Path.Combine(submission, "module05", "01-dataset.ipynb"), "{}");
        File.WriteAllText(Path.Combine(submission, "README.md"), "mine");

        Assert.Equal(Path.Combine(submission, "module05"), GradescopeRun.SubmissionFolder(submission, notebooks));
        File.WriteAllText(Path.Combine(submission, "02-tensordataset.ipynb"), "{}");
        Assert.Equal(submission, GradescopeRun.SubmissionFolder(submission, notebooks));
    }

    [Fact]
    public async Task A_package_without_its_settings_still_writes_a_results_json_that_says_grading_failed()
    {
        using var temp = new TempFolder("course-gradescope-broken-");
        string root = temp.File("autograder");
        Directory.CreateDirectory(Path.Combine(root, "source"));
        Directory.CreateDirectory(Path.Combine(root, "submission"));
        using var log = new StringWriter();

        var result = await GradescopeRun.RunAsync(root, log);

        Assert.Null(result);
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(root, "results", "results.json")));
        Assert.Equal(0, json.RootElement.GetProperty("score").GetDouble());
        Assert.Contains("could not grade this submission", json.RootElement.GetProperty("output").GetString(), StringComparison.Ordinal);
        Assert.Contains($"grading failed: Could not find file '{Path.Combine(root, "source", "gradescope.json")}'", log.ToString(), StringComparison.Ordinal);
    }

    // Gradescope unpacks the zip into /autograder/source and copies run_autograder to /autograder/run_autograder.
    private static string Unpack(string package, string root)
    {
        ZipFile.ExtractToDirectory(package, Path.Combine(root, "source"));
        File.Copy(Path.Combine(root, "source", "run_autograder"), Path.Combine(root, "run_autograder"));
        Directory.CreateDirectory(Path.Combine(root, "submission"));
        Directory.CreateDirectory(Path.Combine(root, "results"));
        return root;
    }

    // As Gradescope runs it: the script itself (its #! line and mode), in the root folder.
    private static (int Code, string Log) RunAutograder(string root, string? path)
    {
        var start = new ProcessStartInfo(Path.Combine(root, "run_autograder"))
        {
            WorkingDirectory = root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["AUTOGRADER_ROOT"] = root;
        if (path is not null)
        {
            start.Environment["PATH"] = path;
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        string stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, stdout.Result + stderr);
    }
}
