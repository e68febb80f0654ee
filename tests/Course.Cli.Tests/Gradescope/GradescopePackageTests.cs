using System.Diagnostics;
using System.IO.Compression;
using System.Text.Json;
using Course.Cli.Gradescope;
using Course.Grading.Output;

namespace Course.Cli.Tests.Gradescope;

/// <summary>
/// The zip <c>course gradescope build</c> writes: what Gradescope's specification asks for at its root, the grader with
/// withheld editions in its runner, the instructor's notebooks and settings; and what it refuses to package.
/// </summary>
public sealed class GradescopePackageTests : IDisposable
{
    private readonly TempFolder _temp = new("course-gradescope-package-");

    public void Dispose() => _temp.Dispose();

    private static string Sources => Path.Combine(CourseTree.Root(), "notebooks", "source");

    [Fact]
    public void The_scripts_sit_at_the_root_executable_beside_the_grader_notebooks_and_settings()
    {
        var contents = Build(new GradescopeSettings { HiddenVisibility = GradescopeWriter.Hidden, TimeoutSeconds = 120 });

        using var zip = ZipFile.OpenRead(contents.Path);
        var names = zip.Entries.Select(e => e.FullName).ToArray();
        Assert.Equal(["setup.sh", "run_autograder", "gradescope.json"], names[..3]);
        Assert.All(new[] { "setup.sh", "run_autograder" }, script =>
            Assert.Equal(0x81EDu, (uint)zip.GetEntry(script)!.ExternalAttributes >> 16));
        Assert.Equal(0x81A4u, (uint)zip.GetEntry("grader/course.dll")!.ExternalAttributes >> 16);
        Assert.Equal(
            Directory.GetFiles(Sources, "*.ipynb").Select(Path.GetFileName).Order(StringComparer.Ordinal).Select(n => "notebooks/source/" + n),
            names.Where(n => n.StartsWith("notebooks/", StringComparison.Ordinal)));
        Assert.Contains("grader/runner/course-runner.dll", names);
        Assert.Contains("grader/runner/lib/TinyTorch.dll", names);
        Assert.DoesNotContain(names, n => n.StartsWith("grader/runner/", StringComparison.Ordinal) && n.EndsWith(".pdb", StringComparison.Ordinal));
        using var settings = JsonDocument.Parse(Read(zip, "gradescope.json"));
        Assert.Equal("hidden", settings.RootElement.GetProperty("hiddenVisibility").GetString());
        Assert.Equal(120, settings.RootElement.GetProperty("timeoutSeconds").GetInt32());
    }

    [Fact]
    public void The_packaged_runner_holds_the_withheld_editions_and_the_grader_the_full_ones()
    {
        var contents = Build();
        string unpacked = _temp.File("unpacked");
        ZipFile.ExtractToDirectory(contents.Path, unpacked);

        foreach (string folder in new[] { "grader/runner", "grader/runner/lib" })
        {
            Assert.True(GraderAssemblies.DefinesType(Path.Combine(unpacked, folder, "TinyTorch.dll"), "TinyTorch.Grading", "ReferenceWithheldException"), folder);
            Assert.False(GraderAssemblies.DefinesType(Path.Combine(unpacked, folder, "Course.Specs.dll"), "Course.Specs.Core", "SpecRunner"), folder);
            Assert.True(new FileInfo(Path.Combine(unpacked, folder, "TinyTorch.dll")).Length < new FileInfo(Path.Combine(unpacked, "grader", "TinyTorch.dll")).Length);
        }

        Assert.False(GraderAssemblies.DefinesType(Path.Combine(unpacked, "grader", "TinyTorch.dll"), "TinyTorch.Grading", "ReferenceWithheldException"));
        Assert.True(GraderAssemblies.DefinesType(Path.Combine(unpacked, "grader", "Course.Specs.dll"), "Course.Specs.Core", "SpecRunner"));
        // Byte for byte the build's layout: the package adds nothing to the runner and takes nothing from it.
        foreach (string file in Directory.GetFiles(Path.Combine(BuiltGrader.Folder, "runner"), "*", SearchOption.AllDirectories))
        {
            string packaged = Path.Combine(unpacked, "grader", "runner", Path.GetRelativePath(Path.Combine(BuiltGrader.Folder, "runner"), file));
            Assert.True(File.ReadAllBytes(file).AsSpan().SequenceEqual(File.ReadAllBytes(packaged)), packaged);
        }

        Assert.Equal(Directory.GetFiles(Path.Combine(BuiltGrader.Folder, "runner"), "*", SearchOption.AllDirectories).Length,
            Directory.GetFiles(Path.Combine(unpacked, "grader", "runner"), "*", SearchOption.AllDirectories).Length);
    }

    [Fact]
    public void The_same_inputs_make_the_same_bytes()
    {
        byte[] first = File.ReadAllBytes(Build(output: "first.zip").Path);
        byte[] second = File.ReadAllBytes(Build(output: "second.zip").Path);

        Assert.True(first.AsSpan().SequenceEqual(second), "two builds of the package differ");
    }

    [RequiresToolFact("bash", "-c", "true")]
    public void The_scripts_are_valid_bash_that_install_the_runtime_and_bubblewrap_and_call_the_grader()
    {
        var contents = Build();
        string unpacked = _temp.File("unpacked");
        ZipFile.ExtractToDirectory(contents.Path, unpacked);

        foreach (string script in new[] { "setup.sh", "run_autograder" })
        {
            var (code, output) = Bash("-n", Path.Combine(unpacked, script));
            Assert.True(code == 0, $"{script}: {output}");
            Assert.StartsWith("#!/usr/bin/env bash\n", File.ReadAllText(Path.Combine(unpacked, script)), StringComparison.Ordinal);
            Assert.DoesNotContain("\r", File.ReadAllText(Path.Combine(unpacked, script)), StringComparison.Ordinal);
        }

        string setup = File.ReadAllText(Path.Combine(unpacked, "setup.sh"));
        Assert.Contains("dotnet-install.sh --channel 10.0 --runtime dotnet", setup, StringComparison.Ordinal);
        Assert.Contains("bubblewrap", setup, StringComparison.Ordinal);
        Assert.Contains("libicu70", setup, StringComparison.Ordinal);
        Assert.DoesNotContain("dotnet build", setup, StringComparison.Ordinal);
        Assert.DoesNotContain("dotnet publish", setup, StringComparison.Ordinal);
        string run = File.ReadAllText(Path.Combine(unpacked, "run_autograder"));
        Assert.Contains("""dotnet "$root/source/grader/course.dll" gradescope run --root "$root" """.TrimEnd(), run, StringComparison.Ordinal);
        Assert.Contains("""root="${AUTOGRADER_ROOT:-/autograder}" """.TrimEnd(), run, StringComparison.Ordinal);
    }

    [Fact]
    public void A_runner_holding_the_full_tinytorch_is_refused_naming_it()
    {
        string grader = BuiltGrader.CopyTo(_temp.File("grader"));
        File.Copy(Path.Combine(grader, "TinyTorch.dll"), Path.Combine(grader, "runner", "lib", "TinyTorch.dll"), overwrite: true);

        var e = Assert.Throws<InvalidDataException>(() => Build(grader: grader));

        Assert.Equal($"'{Path.Combine(grader, "runner", "lib", "TinyTorch.dll")}' is not a withheld edition (it lacks TinyTorch.Grading.ReferenceWithheldException): the runner would hold the reference answers.", e.Message);
        Assert.False(File.Exists(_temp.File("autograder.zip")));
    }

    [Theory]
    [InlineData("TinyTorch.Analysis.dll", "is the grader's own TinyTorch.Analysis, not its withheld edition")]
    [InlineData("Course.Specs.dll", "is the full Course.Specs, not its recording edition")]
    public void A_runner_holding_another_full_edition_is_refused_naming_it(string assembly, string reason)
    {
        string grader = BuiltGrader.CopyTo(_temp.File("grader"));
        File.Copy(Path.Combine(grader, assembly), Path.Combine(grader, "runner", assembly), overwrite: true);

        var e = Assert.Throws<InvalidDataException>(() => Build(grader: grader));

        Assert.StartsWith($"'{Path.Combine(grader, "runner", assembly)}' {reason}", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_folder_without_the_runner_is_refused_naming_what_is_missing()
    {
        string grader = BuiltGrader.CopyTo(_temp.File("grader"));
        Directory.Delete(Path.Combine(grader, "runner"), recursive: true);

        var e = Assert.Throws<InvalidDataException>(() => Build(grader: grader));

        Assert.Equal($"The grader folder '{grader}' has no runner/course-runner.dll: it is not the build output of src/Course.Cli (dotnet build src/Course.Cli -c Release).", e.Message);
    }

    [Fact]
    public void Settings_out_of_range_are_refused_naming_the_value()
    {
        var e = Assert.Throws<InvalidDataException>(() => Build(new GradescopeSettings { HiddenVisibility = "visible" }));

        Assert.Contains("not 'visible'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_zip_inside_the_folder_it_packages_is_refused()
    {
        string grader = BuiltGrader.CopyTo(_temp.File("grader"));

        var e = Assert.Throws<ArgumentException>(() => GradescopePackage.Build(new GradescopePackageOptions
        {
            GraderFolder = grader, SourceFolder = Sources, OutputPath = Path.Combine(grader, "autograder.zip"),
        }));

        Assert.Contains($"'{Path.Combine(grader, "autograder.zip")}' would be written inside the folder it packages", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_command_refuses_a_visibility_that_shows_hidden_checks()
    {
        CliRun run = await CliRun.Of("gradescope", "build", "--hidden", "visible", "--out", _temp.File("x.zip"));

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("visible", run.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(_temp.File("x.zip")));
    }

    private GradescopePackageContents Build(GradescopeSettings? settings = null, string output = "autograder.zip", string? grader = null) =>
        GradescopePackage.Build(new GradescopePackageOptions
        {
            GraderFolder = grader ?? BuiltGrader.Folder,
            SourceFolder = Sources,
            OutputPath = _temp.File(output),
            Settings = settings ?? new GradescopeSettings(),
        });

    private static string Read(ZipArchive zip, string name)
    {
        using var reader = new StreamReader(zip.GetEntry(name)!.Open());
        return reader.ReadToEnd();
    }

    private static (int Code, string Output) Bash(params string[] args)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        string output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output);
    }
}
