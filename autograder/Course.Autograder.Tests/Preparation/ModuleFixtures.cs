using Course.Autograder.Preparation;

namespace Course.Autograder.Tests.Preparation;

/// <summary>What the preparation and grading-step tests start from: the module's notebooks and a correct submission.</summary>
internal static class ModuleFixtures
{
    private static readonly Lazy<ModuleNotebooks> LoadedModule = new(() => ModuleNotebooks.Load(Path.Combine(RepositoryFolder.Root(), "notebooks", "source")));

    /// <summary>The module's notebooks, from the instructor sources (loaded once per test run).</summary>
    public static ModuleNotebooks Module => LoadedModule.Value;

    /// <summary>The bundled correct submission, written unlike the reference.</summary>
    public static string CorrectSample => Path.Combine(RepositoryFolder.Root(), "autograder", "samples", "complete-different");

    /// <summary>Copies the correct submission's notebooks into a new folder <paramref name="student"/> under <paramref name="root"/>.</summary>
    /// <param name="root">A temporary folder the test owns.</param>
    /// <param name="student">The submission folder's name.</param>
    /// <returns>The new folder.</returns>
    public static string CopyCorrectSample(string root, string student)
    {
        string to = Path.Combine(root, student);
        Directory.CreateDirectory(to);
        foreach (string file in Directory.GetFiles(CorrectSample, "*.ipynb"))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }

        return to;
    }
}
