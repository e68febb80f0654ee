using Course.Notebooks.Authoring;
using Course.Notebooks.Files;
using Course.Notebooks.Format;

namespace Course.Samples;

/// <summary>The generator's command: parses the command line, builds every sample and writes them.</summary>
public static class SamplesCommand
{
    /// <summary>Runs the generator.</summary>
    /// <param name="args">The command line (see <see cref="SamplesOptions.Usage"/>).</param>
    /// <param name="output">Where the usage and the summary go.</param>
    /// <param name="error">Where errors go.</param>
    /// <returns>0 when the samples were written, 1 when they cannot be built, 2 for a bad command line.</returns>
    public static int Run(IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        try
        {
            var options = SamplesOptions.Parse(args);
            if (options.Help)
            {
                output.WriteLine(SamplesOptions.Usage);
                return 0;
            }

            string root = options.Root is { } given ? CheckRoot(Path.GetFullPath(given)) : RootAbove(AppContext.BaseDirectory);
            // Everything is built before anything is replaced, so a sample that cannot be built leaves the old ones.
            var samples = SampleGenerator.Generate(root);
            string folder = Path.GetFullPath(options.Output!);
            SampleGenerator.Write(samples, folder);
            foreach (var sample in samples)
            {
                output.WriteLine($"{Path.Combine(folder, sample.Name)}: {sample.Notebooks.Count} notebooks, {sample.CellsFilled} solution cells filled");
            }

            return 0;
        }
        catch (SampleBuildException failure)
        {
            error.WriteLine($"Course.Samples: {failure.Message}");
            return failure.IsUsage ? 2 : 1;
        }
        catch (Exception failure) when (failure is NotebookFormatException or ReleaseException or IOException or UnauthorizedAccessException)
        {
            // Already naming the file: a notebook that cannot be read or exported, a folder that cannot be written.
            error.WriteLine($"Course.Samples: {failure.Message}");
            return 1;
        }
    }

    /// <summary>The course repository this program was built in: the folder with Course.sln above it.</summary>
    private static string RootAbove(string start) =>
        CourseRepository.FindAbove(start)
        ?? throw new SampleBuildException($"No {CourseRepository.MarkerFile} above {start}; pass the course repository with --root.", isUsage: true);

    private static string CheckRoot(string root) =>
        File.Exists(Path.Combine(root, CourseRepository.MarkerFile))
            ? root
            : throw new SampleBuildException($"{root} is not a course repository (it has no {CourseRepository.MarkerFile}).", isUsage: true);
}
