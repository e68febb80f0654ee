namespace Course.Autograder.Grading;

/// <summary>
/// The folder a submission's notebooks run in: <c>notebooks/</c>, where the cells run, and <c>lib/</c> beside it, the
/// libraries the notebooks load with <c>#r "../lib/..."</c> as they do in the course tree. The runner's work folder and
/// <c>course grade-submission</c>'s are laid out alike.
/// </summary>
/// <param name="Path">The folder.</param>
public sealed record WorkFolder(string Path)
{
    /// <summary>Where the cells run (their current folder).</summary>
    public string Notebooks => System.IO.Path.Combine(Path, "notebooks");

    /// <summary>The libraries the notebooks load.</summary>
    public string Library => System.IO.Path.Combine(Path, "lib");

    /// <summary>Copies every file of <paramref name="from"/> into <see cref="Library"/> (made if need be), replacing any of the same name.</summary>
    /// <param name="from">The folder of libraries: the runner's editions, or the course tree's <c>notebooks/lib</c>.</param>
    public void CopyLibrary(string from)
    {
        ArgumentException.ThrowIfNullOrEmpty(from);
        Directory.CreateDirectory(Library);
        foreach (string file in Directory.GetFiles(from))
        {
            File.Copy(file, System.IO.Path.Combine(Library, System.IO.Path.GetFileName(file)), overwrite: true);
        }
    }
}
