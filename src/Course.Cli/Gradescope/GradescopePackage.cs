using System.IO.Compression;
using System.Text;
using Course.Autograder;
using Course.Notebooks.Files;

namespace Course.Cli.Gradescope;

/// <summary>
/// Builds the zip Gradescope's autograder specification asks for: <c>setup.sh</c> and <c>run_autograder</c> at its
/// root, the built grader in <c>grader/</c> (the folder of <c>course.dll</c>, with the sandboxed runner in
/// <c>grader/runner/</c> holding only withheld editions), the instructor's notebooks in <c>notebooks/source/</c>, and
/// the instructor's choices in <c>gradescope.json</c>. Nothing is compiled on Gradescope: the grader is a
/// framework-dependent build that needs only the .NET 10 runtime, which <c>setup.sh</c> installs.
/// </summary>
/// <remarks>
/// The zip is the same bytes for the same inputs (entries in order, one fixed time), so a package can be compared
/// with the one uploaded before. Before anything is written the grader folder is checked: the runner must hold the
/// withheld editions (TinyTorch without reference answers, Course.Specs without checks) and the grader the full ones,
/// or the package would either leak the answers to the sandbox or grade against nothing.
/// </remarks>
public static class GradescopePackage
{
    /// <summary>The grader's folder in the package.</summary>
    public const string GraderFolder = "grader";

    /// <summary>The instructor's notebooks' folder in the package.</summary>
    public const string SourceFolder = "notebooks/source";

    /// <summary>The setup script's name.</summary>
    public const string SetupScript = "setup.sh";

    /// <summary>The grading script's name.</summary>
    public const string RunScript = "run_autograder";

    // Zip times are DOS times (2-second resolution, from 1980): one fixed time keeps the package's bytes reproducible.
    private static readonly DateTimeOffset FixedTime = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private const UnixFileMode Executable = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
        | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute;

    private const UnixFileMode Readable = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead;

    /// <summary>Writes the package.</summary>
    /// <param name="options">The grader, the sources, the zip and the settings.</param>
    /// <returns>What was written.</returns>
    /// <exception cref="InvalidDataException">The grader folder is not a complete grader with withheld editions in its runner, or the settings are out of range; the message names the file.</exception>
    /// <exception cref="DirectoryNotFoundException">The grader or source folder does not exist, or holds no notebook.</exception>
    /// <exception cref="ArgumentException">The zip would be written inside the grader or source folder.</exception>
    public static GradescopePackageContents Build(GradescopePackageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        string grader = Path.GetFullPath(options.GraderFolder);
        string sources = Path.GetFullPath(options.SourceFolder);
        string output = Path.GetFullPath(options.OutputPath);
        var settings = options.Settings.Checked();
        CheckGrader(grader);
        // Loaded as grading will load them: a folder that is not a module's sources fails here, not on Gradescope.
        var module = ModuleNotebooks.Load(sources);
        if (IsWithin(output, grader) || IsWithin(output, sources))
        {
            throw new ArgumentException($"The package '{output}' would be written inside the folder it packages.", nameof(options));
        }

        var files = new List<(string Entry, Func<Stream> Open, UnixFileMode Mode)>
        {
            (SetupScript, () => Text(GradescopeScripts.SetupScript + "\n"), Executable),
            (RunScript, () => Text(GradescopeScripts.RunScript + "\n"), Executable),
            (GradescopeSettings.FileName, () => Text(settings.ToJson() + "\n"), Readable),
        };
        foreach (string name in module.Names)
        {
            string path = Path.Combine(sources, name);
            files.Add(($"{SourceFolder}/{name}", () => File.OpenRead(path), Readable));
        }

        foreach (string path in Directory.EnumerateFiles(grader, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            string relative = Path.GetRelativePath(grader, path).Replace(Path.DirectorySeparatorChar, '/');
            bool executable = !OperatingSystem.IsWindows() && (File.GetUnixFileMode(path) & UnixFileMode.UserExecute) != 0;
            files.Add(($"{GraderFolder}/{relative}", () => File.OpenRead(path), executable ? Executable : Readable));
        }

        AtomicFile.Write(output, temporary =>
        {
            using var zip = new ZipArchive(File.Create(temporary), ZipArchiveMode.Create);
            foreach (var (entryName, open, mode) in files)
            {
                var entry = zip.CreateEntry(entryName, CompressionLevel.Optimal);
                entry.LastWriteTime = FixedTime;
                // Unix mode in the high 16 bits (a regular file): Gradescope's unzip keeps run_autograder executable.
                entry.ExternalAttributes = (int)((0x8000u | (uint)mode) << 16);
                using var target = entry.Open();
                using var source = open();
                source.CopyTo(target);
            }
        });
        return new GradescopePackageContents(output, [.. files.Select(f => f.Entry)], new FileInfo(output).Length,
            GraderAssemblies.IsOptimized(Path.Combine(grader, "TinyTorch.dll")));
    }

    /// <summary>
    /// Checks that <paramref name="grader"/> is a complete grader whose runner holds only withheld editions: its
    /// TinyTorch without reference answers (the type <c>TinyTorch.Grading.ReferenceWithheldException</c> marks that
    /// edition), its TinyTorch.Analysis not the grader's own (an edition keeps the identity, so the bytes are compared), its Course.Specs the recording edition (no
    /// <c>SpecRunner</c>); and the grader's own TinyTorch and Course.Specs the full ones.
    /// </summary>
    /// <param name="grader">The folder of <c>course.dll</c>.</param>
    /// <exception cref="InvalidDataException">It is not; the message names the file.</exception>
    /// <exception cref="DirectoryNotFoundException">The folder does not exist.</exception>
    public static void CheckGrader(string grader)
    {
        if (!Directory.Exists(grader))
        {
            throw new DirectoryNotFoundException($"The grader folder '{grader}' does not exist: build src/Course.Cli (dotnet build src/Course.Cli -c Release).");
        }

        string runner = Path.Combine(grader, "runner");
        foreach (string required in new[] { "course.dll", "course.runtimeconfig.json", "course.deps.json", "TinyTorch.dll", "TinyTorch.Analysis.dll", "Course.Specs.dll",
            "runner/course-runner.dll", "runner/course-runner.runtimeconfig.json", "runner/TinyTorch.dll", "runner/TinyTorch.Analysis.dll", "runner/Course.Specs.dll",
            "runner/lib/TinyTorch.dll", "runner/lib/TinyTorch.Analysis.dll", "runner/lib/Course.Specs.dll" })
        {
            if (!File.Exists(Path.Combine(grader, required)))
            {
                throw new InvalidDataException($"The grader folder '{grader}' has no {required}: it is not the build output of src/Course.Cli (dotnet build src/Course.Cli -c Release).");
            }
        }

        if (GraderAssemblies.DefinesType(Path.Combine(grader, "TinyTorch.dll"), "TinyTorch.Grading", "ReferenceWithheldException"))
        {
            throw new InvalidDataException($"'{Path.Combine(grader, "TinyTorch.dll")}' is a withheld edition: the grader needs the full TinyTorch to check against.");
        }

        byte[] fullAnalysis = File.ReadAllBytes(Path.Combine(grader, "TinyTorch.Analysis.dll"));
        foreach (string folder in new[] { runner, Path.Combine(runner, "lib") })
        {
            string tinyTorch = Path.Combine(folder, "TinyTorch.dll");
            if (!GraderAssemblies.DefinesType(tinyTorch, "TinyTorch.Grading", "ReferenceWithheldException"))
            {
                throw new InvalidDataException($"'{tinyTorch}' is not a withheld edition (it lacks TinyTorch.Grading.ReferenceWithheldException): the runner would hold the reference answers.");
            }

            string analysis = Path.Combine(folder, "TinyTorch.Analysis.dll");
            // An edition keeps the assembly's identity (its module version id too), so its bytes tell it from the full one.
            if (File.ReadAllBytes(analysis).AsSpan().SequenceEqual(fullAnalysis))
            {
                throw new InvalidDataException($"'{analysis}' is the grader's own TinyTorch.Analysis, not its withheld edition: the runner would hold the reference answers.");
            }

            string specs = Path.Combine(folder, "Course.Specs.dll");
            if (GraderAssemblies.DefinesType(specs, "Course.Specs.Core", "SpecRunner"))
            {
                throw new InvalidDataException($"'{specs}' is the full Course.Specs, not its recording edition: the runner would hold the checks and the reference implementation.");
            }
        }

        if (!GraderAssemblies.DefinesType(Path.Combine(grader, "Course.Specs.dll"), "Course.Specs.Core", "SpecRunner"))
        {
            throw new InvalidDataException($"'{Path.Combine(grader, "Course.Specs.dll")}' is the recording edition: the grader needs the full Course.Specs to run the checks.");
        }
    }

    private static MemoryStream Text(string text) => new(Encoding.UTF8.GetBytes(text.ReplaceLineEndings("\n")));

    private static bool IsWithin(string path, string folder) =>
        path.StartsWith(Path.TrimEndingDirectorySeparator(folder) + Path.DirectorySeparatorChar, StringComparison.Ordinal);
}
